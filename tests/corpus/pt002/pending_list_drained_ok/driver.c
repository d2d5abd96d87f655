// PT002 negative (with post.c): events hang off the device extension's Events
// list; the unload routine drains the list (RemoveHeadList + free of the
// CONTAINING_RECORD) through EvqFlushEvents before deleting the device.
#include "evq.h"

_Use_decl_annotations_
VOID
EvqFlushEvents(
    PEVQ_EXTENSION Ext
    )
{
    PLIST_ENTRY link;
    KIRQL oldIrql;

    KeAcquireSpinLock(&Ext->Lock, &oldIrql);
    while (!IsListEmpty(&Ext->Events)) {
        link = RemoveHeadList(&Ext->Events);
        ExFreePoolWithTag(CONTAINING_RECORD(link, EVQ_EVENT, Link), EVQ_TAG);
    }
    Ext->EventCount = 0;
    KeReleaseSpinLock(&Ext->Lock, oldIrql);
}

_Use_decl_annotations_
VOID
EvqUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PDEVICE_OBJECT deviceObject = DriverObject->DeviceObject;
    UNICODE_STRING link;

    PAGED_CODE();

    RtlInitUnicodeString(&link, L"\\DosDevices\\EventQueue");
    IoDeleteSymbolicLink(&link);
    if (deviceObject != NULL) {
        EvqFlushEvents((PEVQ_EXTENSION)deviceObject->DeviceExtension);
        IoDeleteDevice(deviceObject);
    }
}

_Use_decl_annotations_
NTSTATUS
EvqCreateClose(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;
    UNICODE_STRING name, link;
    PDEVICE_OBJECT deviceObject;
    PEVQ_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&name, L"\\Device\\EventQueue");
    status = IoCreateDevice(DriverObject, sizeof(EVQ_EXTENSION), &name, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PEVQ_EXTENSION)deviceObject->DeviceExtension;
    KeInitializeSpinLock(&ext->Lock);
    InitializeListHead(&ext->Events);
    ext->EventCount = 0;

    RtlInitUnicodeString(&link, L"\\DosDevices\\EventQueue");
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(deviceObject);
        return status;
    }

    DriverObject->MajorFunction[IRP_MJ_CREATE] = EvqCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = EvqCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = EvqDeviceControl;
    DriverObject->DriverUnload = EvqUnload;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
