// accel.h - KMDF driver for an accelerometer with a sample FIFO.
#pragma once
#include <ntddk.h>
#include <wdf.h>

#define ACC_LOG_TAG    'gLcA'
#define ACC_FIFO_DEPTH 32
#define ACC_OUTLIER    4000

typedef struct _ACC_SAMPLE {
    SHORT X, Y, Z;
} ACC_SAMPLE, *PACC_SAMPLE;

typedef struct _ACC_OUTLIER_RECORD {
    LARGE_INTEGER Time;
    ACC_SAMPLE Sample;
} ACC_OUTLIER_RECORD, *PACC_OUTLIER_RECORD;

typedef struct _DEVICE_CONTEXT {
    WDFINTERRUPT Interrupt;
    ACC_SAMPLE Fifo[ACC_FIFO_DEPTH];
    ULONG FifoCount;
    ULONG Outliers;
    ACC_OUTLIER_RECORD LastOutlier;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, AccGetContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD AccEvtDeviceAdd;
EVT_WDF_INTERRUPT_ISR AccEvtIsr;
EVT_WDF_INTERRUPT_DPC AccEvtInterruptDpc;

VOID AccProcessSamples(_In_ PDEVICE_CONTEXT DevCtx, _In_ ULONG Count);
VOID AccLogOutlier(_In_ PDEVICE_CONTEXT DevCtx, _In_ PACC_SAMPLE Sample);
