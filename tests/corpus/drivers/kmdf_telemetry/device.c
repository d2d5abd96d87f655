// device.c - device creation; the context's buffers and their cleanup.
#include "telemetry.h"

_Use_decl_annotations_
VOID
TelEvtDeviceCleanup(
    WDFOBJECT Object
    )
{
    PDEVICE_CONTEXT devCtx = TelGetContext((WDFDEVICE)Object);
    PLIST_ENTRY link;

    while (!IsListEmpty(&devCtx->Samples)) {
        link = RemoveHeadList(&devCtx->Samples);
        ExFreePoolWithTag(CONTAINING_RECORD(link, TEL_SAMPLE, Link), TEL_TAG_SAMPLE);
    }
    devCtx->SampleCount = 0;

    if (devCtx->Calibration != NULL) {
        ExFreePoolWithTag(devCtx->Calibration, TEL_TAG_CAL);
        devCtx->Calibration = NULL;
    }
}

static
NTSTATUS
TelAllocateTables(
    _Inout_ PDEVICE_CONTEXT DevCtx
    )
{
    ULONG i;

    DevCtx->Calibration = (PLONG)ExAllocatePool2(POOL_FLAG_NON_PAGED,
                                                 TEL_CAL_POINTS * sizeof(LONG), TEL_TAG_CAL);
    if (DevCtx->Calibration == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    for (i = 0; i < TEL_CAL_POINTS; i++) {
        DevCtx->Calibration[i] = (LONG)i;
    }

    DevCtx->Limits = (PTEL_LIMITS)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(TEL_LIMITS), TEL_TAG_LIMITS); // expect: PT002
    if (DevCtx->Limits == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    DevCtx->Limits->Low = -1000;
    DevCtx->Limits->High = 1000;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
TelEvtDeviceAdd(
    WDFDRIVER Driver,
    PWDFDEVICE_INIT DeviceInit
    )
{
    NTSTATUS status;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_INTERRUPT_CONFIG interruptConfig;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDFDEVICE device;
    PDEVICE_CONTEXT devCtx;

    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    attributes.EvtCleanupCallback = TelEvtDeviceCleanup;
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    devCtx = TelGetContext(device);
    InitializeListHead(&devCtx->Samples);

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfSpinLockCreate(&attributes, &devCtx->SampleLock);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = TelAllocateTables(devCtx);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_INTERRUPT_CONFIG_INIT(&interruptConfig, TelEvtIsr, TelEvtDpc);
    status = WdfInterruptCreate(device, &interruptConfig, WDF_NO_OBJECT_ATTRIBUTES, &devCtx->Interrupt);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchParallel);
    queueConfig.EvtIoDeviceControl = TelEvtIoDeviceControl;
    return WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
}
