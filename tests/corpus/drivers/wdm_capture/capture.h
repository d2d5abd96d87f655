// capture.h - "capture": a WDM control-device driver that samples a sensor
// ring on a timer and lets user mode read snapshots.
//
//   driver.c   DriverEntry, unload, create/close, timer start/stop
//   buffers.c  device-extension buffers and the event list
//   dpc.c      the sampling timer's DPC
//   ioctl.c    IRP_MJ_DEVICE_CONTROL (METHOD_NEITHER snapshot read)
#pragma once
#include <ntddk.h>

#define CAP_TAG_RING      'gRpC'
#define CAP_TAG_STATS     'tSpC'
#define CAP_TAG_EVENT     'vEpC'
#define CAP_TAG_SNAPSHOT  'nSpC'

#define CAP_RING_BYTES    (32 * 1024)
#define CAP_PERIOD_MS     250
#define CAP_MAX_EVENTS    128

// Events are charged to the process that asked for capture... or so the
// author believed.
#define CAP_EVENT_POOL_FLAGS (POOL_FLAG_NON_PAGED | POOL_FLAG_USE_QUOTA)

#define IOCTL_CAP_READ_SNAPSHOT CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA00, METHOD_NEITHER, FILE_READ_ACCESS)

typedef struct _CAP_EVENT {
    LIST_ENTRY Link;
    LARGE_INTEGER Time;
    ULONG Code;
} CAP_EVENT, *PCAP_EVENT;

typedef struct _CAP_STATS {
    ULONG Samples;
    ULONG Overruns;
    ULONG EventsDropped;
} CAP_STATS, *PCAP_STATS;

typedef struct _CAP_EXTENSION {
    PDEVICE_OBJECT Self;
    KSPIN_LOCK Lock;
    PUCHAR Ring;
    ULONG RingHead;
    PCAP_STATS Stats;
    LIST_ENTRY Events;
    ULONG EventCount;
    KTIMER SampleTimer;
    KDPC SampleDpc;
} CAP_EXTENSION, *PCAP_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD CapUnload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH CapCreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH CapDeviceControl;
KDEFERRED_ROUTINE CapSampleDpc;

// buffers.c
NTSTATUS CapAllocateBuffers(_Inout_ PCAP_EXTENSION Ext);
VOID CapFreeBuffers(_Inout_ PCAP_EXTENSION Ext);
VOID CapRecordEvent(_Inout_ PCAP_EXTENSION Ext, _In_ ULONG Code);
