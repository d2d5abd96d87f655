// kcal.h - KMDF calibration sample: one device context per sensor.
#pragma once
#include <ntddk.h>
#include <wdf.h>

#define KCAL_TAG          'laCK'
#define KCAL_TABLE_POINTS 128

typedef struct _KCAL_POINT {
    LONG Raw;
    LONG Corrected;
} KCAL_POINT, *PKCAL_POINT;

typedef struct _DEVICE_CONTEXT {
    WDFDEVICE Device;
    WDFQUEUE DefaultQueue;
    PKCAL_POINT Calibration;
    ULONG CalibrationPoints;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetDeviceContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD KcalEvtDeviceAdd;
EVT_WDF_DRIVER_UNLOAD KcalEvtDriverUnload;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL KcalEvtIoDeviceControl;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
KcalLoadCalibration(
    _In_ WDFDEVICE Device
    );
