// PT002 negative: buffers allocated at IRP_MN_START_DEVICE are released by
// PsReleaseHardware, which both IRP_MN_STOP_DEVICE and IRP_MN_REMOVE_DEVICE
// call; the REMOVE case is what makes them safe at unload.
#include <wdm.h>

#define PS_REG_TAG   'gRsP'
#define PS_FIFO_TAG  'fFsP'
#define PS_FIFO_SIZE 2048

typedef struct _PS_EXTENSION {
    PDEVICE_OBJECT Lower;
    PULONG RegisterShadow;
    PUCHAR Fifo;
    ULONG RegisterCount;
    IO_REMOVE_LOCK RemoveLock;
} PS_EXTENSION, *PPS_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE PsAddDevice;
DRIVER_UNLOAD PsUnload;
_Dispatch_type_(IRP_MJ_PNP) DRIVER_DISPATCH PsDispatchPnp;

static
NTSTATUS
PsPrepareHardware(
    _Inout_ PPS_EXTENSION Ext,
    _In_ ULONG RegisterCount
    )
{
    Ext->RegisterShadow = (PULONG)ExAllocatePool2(POOL_FLAG_NON_PAGED,
                                                  RegisterCount * sizeof(ULONG), PS_REG_TAG);
    if (Ext->RegisterShadow == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Ext->RegisterCount = RegisterCount;

    Ext->Fifo = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, PS_FIFO_SIZE, PS_FIFO_TAG);
    if (Ext->Fifo == NULL) {
        ExFreePoolWithTag(Ext->RegisterShadow, PS_REG_TAG);
        Ext->RegisterShadow = NULL;
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return STATUS_SUCCESS;
}

static
VOID
PsReleaseHardware(
    _Inout_ PPS_EXTENSION Ext
    )
{
    if (Ext->Fifo != NULL) {
        ExFreePoolWithTag(Ext->Fifo, PS_FIFO_TAG);
        Ext->Fifo = NULL;
    }
    if (Ext->RegisterShadow != NULL) {
        ExFreePoolWithTag(Ext->RegisterShadow, PS_REG_TAG);
        Ext->RegisterShadow = NULL;
    }
    Ext->RegisterCount = 0;
}

_Use_decl_annotations_
NTSTATUS
PsDispatchPnp(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PPS_EXTENSION ext = (PPS_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status;

    status = IoAcquireRemoveLock(&ext->RemoveLock, Irp);
    if (!NT_SUCCESS(status)) {
        Irp->IoStatus.Status = status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return status;
    }

    switch (stack->MinorFunction) {
    case IRP_MN_START_DEVICE:
        if (IoForwardIrpSynchronously(ext->Lower, Irp) && NT_SUCCESS(Irp->IoStatus.Status)) {
            status = PsPrepareHardware(ext, 16);
        } else {
            status = Irp->IoStatus.Status;
        }
        Irp->IoStatus.Status = status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        IoReleaseRemoveLock(&ext->RemoveLock, Irp);
        return status;

    case IRP_MN_STOP_DEVICE:
        PsReleaseHardware(ext);
        Irp->IoStatus.Status = STATUS_SUCCESS;
        break;

    case IRP_MN_REMOVE_DEVICE:
        IoReleaseRemoveLockAndWait(&ext->RemoveLock, Irp);
        PsReleaseHardware(ext);
        Irp->IoStatus.Status = STATUS_SUCCESS;
        IoSkipCurrentIrpStackLocation(Irp);
        status = IoCallDriver(ext->Lower, Irp);
        IoDetachDevice(ext->Lower);
        IoDeleteDevice(DeviceObject);
        return status;

    default:
        break;
    }

    IoSkipCurrentIrpStackLocation(Irp);
    status = IoCallDriver(ext->Lower, Irp);
    IoReleaseRemoveLock(&ext->RemoveLock, Irp);
    return status;
}

_Use_decl_annotations_
NTSTATUS
PsAddDevice(
    PDRIVER_OBJECT DriverObject,
    PDEVICE_OBJECT Pdo
    )
{
    NTSTATUS status;
    PDEVICE_OBJECT fdo;
    PPS_EXTENSION ext;

    PAGED_CODE();

    status = IoCreateDevice(DriverObject, sizeof(PS_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &fdo);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PPS_EXTENSION)fdo->DeviceExtension;
    RtlZeroMemory(ext, sizeof(*ext));
    IoInitializeRemoveLock(&ext->RemoveLock, PS_REG_TAG, 0, 0);
    ext->Lower = IoAttachDeviceToDeviceStack(fdo, Pdo);
    if (ext->Lower == NULL) {
        IoDeleteDevice(fdo);
        return STATUS_NO_SUCH_DEVICE;
    }
    fdo->Flags |= DO_POWER_PAGABLE;
    fdo->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
PsUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    UNREFERENCED_PARAMETER(RegistryPath);

    DriverObject->MajorFunction[IRP_MJ_PNP] = PsDispatchPnp;
    DriverObject->DriverExtension->AddDevice = PsAddDevice;
    DriverObject->DriverUnload = PsUnload;
    return STATUS_SUCCESS;
}
