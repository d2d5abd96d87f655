// evq.h - event queue driver: IOCTLs post events, reads collect them.
#pragma once
#include <ntddk.h>

#define EVQ_TAG          'tnEQ'
#define EVQ_MAX_PAYLOAD  128
#define IOCTL_EVQ_POST   CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_WRITE_ACCESS)

typedef struct _EVQ_EVENT {
    LIST_ENTRY Link;
    LARGE_INTEGER Time;
    ULONG PayloadLength;
    UCHAR Payload[EVQ_MAX_PAYLOAD];
} EVQ_EVENT, *PEVQ_EVENT;

typedef struct _EVQ_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Events;
    ULONG EventCount;
} EVQ_EXTENSION, *PEVQ_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD EvqUnload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH EvqCreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH EvqDeviceControl;

VOID
EvqFlushEvents(
    _Inout_ PEVQ_EXTENSION Ext
    );
