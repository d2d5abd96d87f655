// cx.h - event history kept by a WDM driver; events come from IOCTLs and
// from the completion DPC.
#pragma once
#include <ntddk.h>

#define CX_TAG       'vExC'
#define CX_HISTORY   64
#define IOCTL_CX_MARK CTL_CODE(FILE_DEVICE_UNKNOWN, 0x830, METHOD_BUFFERED, FILE_WRITE_ACCESS)

typedef struct _CX_EVENT {
    ULONG Code;
    LARGE_INTEGER Time;
} CX_EVENT, *PCX_EVENT;

typedef struct _CX_EXTENSION {
    KSPIN_LOCK HistoryLock;
    CX_EVENT History[CX_HISTORY];
    ULONG Next;
    KDPC CompletionDpc;
} CX_EXTENSION, *PCX_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD CxUnload;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH CxDeviceControl;
KDEFERRED_ROUTINE CxCompletionDpc;

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
CxRecordEvent(
    _Inout_ PCX_EXTENSION Ext,
    _In_ ULONG Code
    );
