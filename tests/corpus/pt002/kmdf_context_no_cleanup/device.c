// device.c - device creation and the calibration table.
#include "kcal.h"

_Use_decl_annotations_
NTSTATUS
KcalLoadCalibration(
    WDFDEVICE Device
    )
{
    PDEVICE_CONTEXT devCtx = GetDeviceContext(Device);
    ULONG i;

    PAGED_CODE();

    devCtx->Calibration = (PKCAL_POINT)ExAllocatePool2(POOL_FLAG_PAGED, // expect: PT002
                                                       KCAL_TABLE_POINTS * sizeof(KCAL_POINT),
                                                       KCAL_TAG);
    if (devCtx->Calibration == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    for (i = 0; i < KCAL_TABLE_POINTS; i++) {
        devCtx->Calibration[i].Raw = (LONG)i * 16;
        devCtx->Calibration[i].Corrected = (LONG)i * 16;
    }
    devCtx->CalibrationPoints = KCAL_TABLE_POINTS;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
KcalEvtDeviceAdd(
    WDFDRIVER Driver,
    PWDFDEVICE_INIT DeviceInit
    )
{
    NTSTATUS status;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDFDEVICE device;
    PDEVICE_CONTEXT devCtx;

    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    devCtx = GetDeviceContext(device);
    devCtx->Device = device;

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoDeviceControl = KcalEvtIoDeviceControl;
    status = WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, &devCtx->DefaultQueue);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    return KcalLoadCalibration(device);
}

_Use_decl_annotations_
VOID
KcalEvtIoDeviceControl(
    WDFQUEUE Queue,
    WDFREQUEST Request,
    size_t OutputBufferLength,
    size_t InputBufferLength,
    ULONG IoControlCode
    )
{
    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);
    UNREFERENCED_PARAMETER(IoControlCode);
    WdfRequestComplete(Request, STATUS_INVALID_DEVICE_REQUEST);
}
