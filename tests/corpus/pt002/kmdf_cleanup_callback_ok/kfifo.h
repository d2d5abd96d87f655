// kfifo.h - KMDF loopback FIFO: writes are queued as records, reads drain them.
#pragma once
#include <ntddk.h>
#include <wdf.h>

#define KF_RECORD_TAG  'cRfK'
#define KF_STAGE_TAG   'tSfK'
#define KF_STAGE_BYTES (16 * 1024)
#define KF_MAX_RECORD  512

typedef struct _KF_RECORD {
    LIST_ENTRY Link;
    size_t Length;
    UCHAR Data[KF_MAX_RECORD];
} KF_RECORD, *PKF_RECORD;

typedef struct _KF_DEVICE_CONTEXT {
    WDFSPINLOCK RecordLock;
    LIST_ENTRY Records;
    PUCHAR Staging;
} KF_DEVICE_CONTEXT, *PKF_DEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(KF_DEVICE_CONTEXT, KfGetDeviceContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD KfEvtDeviceAdd;
EVT_WDF_OBJECT_CONTEXT_CLEANUP KfEvtDeviceCleanup;
EVT_WDF_IO_QUEUE_IO_WRITE KfEvtIoWrite;
