// pending.h - shared declarations of the "pending message" sample driver.
#pragma once
#include <ntddk.h>

#define PM_MSG_TAG        'gMmP'
#define PM_MAX_MSG_BYTES  1024

typedef struct _PM_MESSAGE {
    LIST_ENTRY Link;
    ULONG Length;
    UCHAR Data[PM_MAX_MSG_BYTES];
} PM_MESSAGE, *PPM_MESSAGE;

typedef struct _PM_DEVICE_EXTENSION {
    KSPIN_LOCK PendingLock;
    LIST_ENTRY PendingList;
    ULONG PendingCount;
} PM_DEVICE_EXTENSION, *PPM_DEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD PmUnload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH PmCreateClose;
_Dispatch_type_(IRP_MJ_WRITE) DRIVER_DISPATCH PmWrite;
_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH PmRead;
