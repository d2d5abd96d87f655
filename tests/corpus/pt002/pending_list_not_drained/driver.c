// PT002 positive (with queue.c): PmWrite queues every message on the device
// extension's PendingList; PmRead takes them off one at a time, but PmUnload
// deletes the device without draining the list, so queued messages that were
// never read are still allocated at unload.
#include "pending.h"

_Use_decl_annotations_
NTSTATUS
PmCreateClose(
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
VOID
PmUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNICODE_STRING link;

    PAGED_CODE();

    RtlInitUnicodeString(&link, L"\\DosDevices\\PendingMsg");
    IoDeleteSymbolicLink(&link);
    if (DriverObject->DeviceObject != NULL) {
        IoDeleteDevice(DriverObject->DeviceObject);
    }
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
    PPM_DEVICE_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&name, L"\\Device\\PendingMsg");
    RtlInitUnicodeString(&link, L"\\DosDevices\\PendingMsg");

    status = IoCreateDevice(DriverObject, sizeof(PM_DEVICE_EXTENSION), &name,
                            FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE,
                            &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PPM_DEVICE_EXTENSION)deviceObject->DeviceExtension;
    KeInitializeSpinLock(&ext->PendingLock);
    InitializeListHead(&ext->PendingList);
    ext->PendingCount = 0;

    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(deviceObject);
        return status;
    }

    DriverObject->MajorFunction[IRP_MJ_CREATE] = PmCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = PmCreateClose;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = PmWrite;
    DriverObject->MajorFunction[IRP_MJ_READ] = PmRead;
    DriverObject->DriverUnload = PmUnload;

    deviceObject->Flags |= DO_BUFFERED_IO;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
