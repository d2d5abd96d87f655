// PT004 negative: METHOD_NEITHER read handled in the dispatch routine.  The
// MDL is allocated with the IRP as last argument, so IoAllocateMdl makes it
// Irp->MdlAddress; completing the IRP lets the I/O manager unlock the pages
// and free the MDL.
#include <ntddk.h>

#define IOCTL_NQ_READ CTL_CODE(FILE_DEVICE_UNKNOWN, 0x910, METHOD_NEITHER, FILE_READ_ACCESS)

typedef struct _NQ_EXTENSION {
    UCHAR Snapshot[256];
} NQ_EXTENSION, *PNQ_EXTENSION;

_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH NqDeviceControl;

_Use_decl_annotations_
NTSTATUS
NqDeviceControl(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PNQ_EXTENSION ext = (PNQ_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG length = stack->Parameters.DeviceIoControl.OutputBufferLength;
    NTSTATUS status = STATUS_SUCCESS;
    ULONG_PTR info = 0;
    PVOID view;
    PMDL mdl;

    if (stack->Parameters.DeviceIoControl.IoControlCode != IOCTL_NQ_READ ||
        Irp->UserBuffer == NULL || length < sizeof(ext->Snapshot)) {
        status = STATUS_INVALID_PARAMETER;
        goto Complete;
    }

    mdl = IoAllocateMdl(Irp->UserBuffer, length, FALSE, TRUE, Irp);
    if (mdl == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Complete;
    }
    __try {
        MmProbeAndLockPages(mdl, Irp->RequestorMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
        Irp->MdlAddress = NULL;         // never locked: detach it and free it here
        IoFreeMdl(mdl);
        goto Complete;
    }

    view = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (view == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Complete;
    }
    RtlCopyMemory(view, ext->Snapshot, sizeof(ext->Snapshot));
    info = sizeof(ext->Snapshot);

Complete:
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = info;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}
