// PT002 positive (with pnp.c): the descriptor ring is allocated at
// IRP_MN_START_DEVICE and freed only at IRP_MN_STOP_DEVICE.  A device that is
// removed without being stopped first (surprise removal, or a plain
// query-remove/remove) goes through IRP_MN_REMOVE_DEVICE, which frees the
// resource list copy but not the ring.
#include "fdo.h"

_Use_decl_annotations_
VOID
FdoUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();
}

_Use_decl_annotations_
NTSTATUS
FdoAddDevice(
    PDRIVER_OBJECT DriverObject,
    PDEVICE_OBJECT PhysicalDeviceObject
    )
{
    NTSTATUS status;
    PDEVICE_OBJECT fdo;
    PFDO_EXTENSION ext;

    PAGED_CODE();

    status = IoCreateDevice(DriverObject, sizeof(FDO_EXTENSION), NULL,
                            FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE, &fdo);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PFDO_EXTENSION)fdo->DeviceExtension;
    RtlZeroMemory(ext, sizeof(FDO_EXTENSION));
    ext->Self = fdo;
    ext->Pdo = PhysicalDeviceObject;
    ext->LowerDevice = IoAttachDeviceToDeviceStack(fdo, PhysicalDeviceObject);
    if (ext->LowerDevice == NULL) {
        IoDeleteDevice(fdo);
        return STATUS_NO_SUCH_DEVICE;
    }
    fdo->Flags |= DO_DIRECT_IO | DO_POWER_PAGABLE;
    fdo->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    UNREFERENCED_PARAMETER(RegistryPath);

    DriverObject->MajorFunction[IRP_MJ_PNP] = FdoDispatchPnp;
    DriverObject->DriverExtension->AddDevice = FdoAddDevice;
    DriverObject->DriverUnload = FdoUnload;
    return STATUS_SUCCESS;
}
