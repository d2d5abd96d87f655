// spool.h - a print-spool-like driver: writes are queued per device and
// charged to the writer's quota; a timer DPC only samples the queue depth.
#pragma once
#include <ntddk.h>

#define SP_JOB_TAG   'bJpS'
#define SP_MAX_JOB   (64 * 1024)

typedef struct _SP_JOB {
    LIST_ENTRY Link;
    ULONG Length;
    UCHAR Data[1];
} SP_JOB, *PSP_JOB;

typedef struct _SP_EXTENSION {
    FAST_MUTEX QueueLock;
    LIST_ENTRY Jobs;
    volatile LONG JobCount;
    LONG PeakJobs;
    KTIMER SampleTimer;
    KDPC SampleDpc;
} SP_EXTENSION, *PSP_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD SpUnload;
_Dispatch_type_(IRP_MJ_WRITE) DRIVER_DISPATCH SpWrite;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH SpCreateClose;
KDEFERRED_ROUTINE SpSampleDpc;
