// telemetry.h - KMDF driver for a telemetry sensor with an interrupt.
//
//   driver.c     DriverEntry, EvtDriverUnload (driver-wide registry copy)
//   device.c     EvtDeviceAdd, the device context's buffers, EvtCleanupCallback
//   interrupt.c  EvtInterruptIsr / EvtInterruptDpc
//   queue.c      EvtIoDeviceControl and TelQueueSample, shared with the DPC
#pragma once
#include <ntddk.h>
#include <wdf.h>

#define TEL_TAG_SAMPLE  'mStT'
#define TEL_TAG_CAL     'lCtT'
#define TEL_TAG_LIMITS  'mLtT'
#define TEL_CAL_POINTS  64
#define TEL_MAX_QUEUED  256

// Samples are charged to the requesting process (wrong in the DPC path).
#define TEL_SAMPLE_POOL_FLAGS (POOL_FLAG_NON_PAGED | POOL_FLAG_USE_QUOTA)

#define IOCTL_TEL_INJECT_SAMPLE CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA10, METHOD_BUFFERED, FILE_WRITE_ACCESS)

typedef struct _TEL_SAMPLE {
    LIST_ENTRY Link;
    LARGE_INTEGER Time;
    LONG Value;
} TEL_SAMPLE, *PTEL_SAMPLE;

typedef struct _TEL_LIMITS {
    LONG Low;
    LONG High;
} TEL_LIMITS, *PTEL_LIMITS;

typedef struct _DEVICE_CONTEXT {
    WDFINTERRUPT Interrupt;
    WDFSPINLOCK SampleLock;
    LIST_ENTRY Samples;
    ULONG SampleCount;
    PLONG Calibration;
    PTEL_LIMITS Limits;
    volatile LONG LatestRaw;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, TelGetContext)

extern UNICODE_STRING g_TelRegistryPath;

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD TelEvtDeviceAdd;
EVT_WDF_DRIVER_UNLOAD TelEvtDriverUnload;
EVT_WDF_OBJECT_CONTEXT_CLEANUP TelEvtDeviceCleanup;
EVT_WDF_INTERRUPT_ISR TelEvtIsr;
EVT_WDF_INTERRUPT_DPC TelEvtDpc;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL TelEvtIoDeviceControl;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
TelQueueSample(
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ LONG Value
    );
