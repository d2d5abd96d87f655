// PT002 negative (with io.c): the staging buffer (stored through the local
// alias devCtx) and every queued record (InsertTailList on the context's
// Records list) are released by the device's EvtCleanupCallback; the staging
// buffer is freed through the accessor expression KfGetDeviceContext(Device)->
// Staging in a helper, not through an alias.
#include "kfifo.h"

static
VOID
KfReleaseStaging(
    _In_ WDFDEVICE Device
    )
{
    if (KfGetDeviceContext(Device)->Staging != NULL) {
        ExFreePoolWithTag(KfGetDeviceContext(Device)->Staging, KF_STAGE_TAG);
        KfGetDeviceContext(Device)->Staging = NULL;
    }
}

_Use_decl_annotations_
VOID
KfEvtDeviceCleanup(
    WDFOBJECT Object
    )
{
    PKF_DEVICE_CONTEXT devCtx = KfGetDeviceContext((WDFDEVICE)Object);
    PLIST_ENTRY link;

    while (!IsListEmpty(&devCtx->Records)) {
        link = RemoveHeadList(&devCtx->Records);
        ExFreePoolWithTag(CONTAINING_RECORD(link, KF_RECORD, Link), KF_RECORD_TAG);
    }
    KfReleaseStaging((WDFDEVICE)Object);
}

_Use_decl_annotations_
NTSTATUS
KfEvtDeviceAdd(
    WDFDRIVER Driver,
    PWDFDEVICE_INIT DeviceInit
    )
{
    NTSTATUS status;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDFDEVICE device;
    PKF_DEVICE_CONTEXT devCtx;

    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();

    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoBuffered);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, KF_DEVICE_CONTEXT);
    attributes.EvtCleanupCallback = KfEvtDeviceCleanup;
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    devCtx = KfGetDeviceContext(device);
    InitializeListHead(&devCtx->Records);
    status = WdfSpinLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &devCtx->RecordLock);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    devCtx->Staging = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, KF_STAGE_BYTES, KF_STAGE_TAG);
    if (devCtx->Staging == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;   // cleanup callback runs when the device is deleted
    }

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoWrite = KfEvtIoWrite;
    return WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, KfEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}
