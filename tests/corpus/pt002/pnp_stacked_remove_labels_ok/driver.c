// PT002 negative: the IRP_MN_REMOVE_DEVICE label shares its body with
// IRP_MN_SURPRISE_REMOVAL (stacked case labels); the helper it calls frees
// the extension's buffer, so teardown releases it.
#include <wdm.h>

typedef struct _SR_EXTENSION {
    PDEVICE_OBJECT Lower;
    PUCHAR Scratch;
} SR_EXTENSION, *PSR_EXTENSION;

DRIVER_ADD_DEVICE SrAddDevice;
_Dispatch_type_(IRP_MJ_PNP) DRIVER_DISPATCH SrDispatchPnp;

static VOID
SrRemoveDevice(_In_ PDEVICE_OBJECT DeviceObject)
{
    PSR_EXTENSION ext = (PSR_EXTENSION)DeviceObject->DeviceExtension;
    if (ext->Scratch != NULL) {
        ExFreePoolWithTag(ext->Scratch, 'rcSR');
        ext->Scratch = NULL;
    }
    IoDeleteDevice(DeviceObject);
}

_Use_decl_annotations_
NTSTATUS
SrAddDevice(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT Pdo)
{
    PDEVICE_OBJECT fdo;
    PSR_EXTENSION ext;
    NTSTATUS status;

    status = IoCreateDevice(DriverObject, sizeof(SR_EXTENSION), NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &fdo);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PSR_EXTENSION)fdo->DeviceExtension;
    ext->Scratch = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 512, 'rcSR');
    ext->Lower = IoAttachDeviceToDeviceStack(fdo, Pdo);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
SrDispatchPnp(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PSR_EXTENSION ext = (PSR_EXTENSION)DeviceObject->DeviceExtension;
    PDEVICE_OBJECT lower = ext->Lower;

    switch (stack->MinorFunction) {
    case IRP_MN_START_DEVICE:
        break;
    case IRP_MN_REMOVE_DEVICE:
    case IRP_MN_SURPRISE_REMOVAL:
        SrRemoveDevice(DeviceObject);
        break;
    default:
        break;
    }
    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(lower, Irp);
}

VOID
SrUnload(_In_ PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
}

NTSTATUS
DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverExtension->AddDevice = SrAddDevice;
    DriverObject->MajorFunction[IRP_MJ_PNP] = SrDispatchPnp;
    DriverObject->DriverUnload = SrUnload;
    return STATUS_SUCCESS;
}
