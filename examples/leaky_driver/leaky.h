// leaky.h - shared definitions for the pooltrack "leaky" example WDM driver,
// which queues records written by user mode and returns them on read.
#pragma once
#include <ntddk.h>

#define LK_DEVICE_NAME      L"\\Device\\LeakySample"
#define LK_LINK_NAME        L"\\DosDevices\\LeakySample"
#define LK_TAG_RECORD       'cRkL'
#define LK_TAG_TRANSFER     'rTkL'
#define LK_TAG_SETTINGS     'tSkL'
#define LK_TAG_STATS        'aSkL'
#define LK_MAX_RECORD_BYTES 240
#define LK_TRANSFER_BYTES   (16 * 1024)

#define IOCTL_LK_GET_STATS  CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_READ_ACCESS)

typedef struct _LK_RECORD {
    LIST_ENTRY Link;
    ULONG Length;
    UCHAR Data[LK_MAX_RECORD_BYTES];
} LK_RECORD, *PLK_RECORD;

typedef struct _LK_SETTINGS {       // too large for the kernel stack
    ULONG MaxRecords;
    ULONG Flags;
    UCHAR Filter[512];
} LK_SETTINGS, *PLK_SETTINGS;

typedef struct _LK_STATS {
    ULONG RecordsQueued;
    ULONG64 BytesWritten, BytesRead;
} LK_STATS, *PLK_STATS;

typedef struct _LK_DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY RecordList;
    ULONG RecordCount;
    NPAGED_LOOKASIDE_LIST RecordLookaside;
    PUCHAR TransferBuffer;
    LK_SETTINGS Settings;
    ULONG64 BytesWritten, BytesRead;
} LK_DEVICE_EXTENSION, *PLK_DEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD LkUnload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH LkCreateClose;
_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH LkRead;
_Dispatch_type_(IRP_MJ_WRITE) DRIVER_DISPATCH LkWrite;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH LkDeviceControl;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS LkCreateDevice(_In_ PDRIVER_OBJECT DriverObject);
