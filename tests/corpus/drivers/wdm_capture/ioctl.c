// ioctl.c - IOCTL_CAP_READ_SNAPSHOT copies the ring into the caller's buffer
// (METHOD_NEITHER: the driver locks the user buffer itself, and unlocks it
// on every path).
#include "capture.h"

static
NTSTATUS
CapCopySnapshot(
    _In_ PCAP_EXTENSION Ext,
    _In_ PVOID UserBuffer,
    _In_ ULONG Length,
    _Out_ PULONG_PTR Copied
    )
{
    NTSTATUS status = STATUS_SUCCESS;
    PUCHAR snapshot;
    PVOID view;
    PMDL mdl;
    KIRQL oldIrql;

    *Copied = 0;
    if (Length < CAP_RING_BYTES) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    snapshot = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, CAP_RING_BYTES, CAP_TAG_SNAPSHOT);
    if (snapshot == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeAcquireSpinLock(&Ext->Lock, &oldIrql);
    RtlCopyMemory(snapshot, Ext->Ring, CAP_RING_BYTES);
    KeReleaseSpinLock(&Ext->Lock, oldIrql);

    mdl = IoAllocateMdl(UserBuffer, CAP_RING_BYTES, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto FreeSnapshot;
    }
    __try {
        MmProbeAndLockPages(mdl, UserMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
        IoFreeMdl(mdl);
        goto FreeSnapshot;
    }

    view = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (view == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
    } else {
        RtlCopyMemory(view, snapshot, CAP_RING_BYTES);
        *Copied = CAP_RING_BYTES;
    }
    MmUnlockPages(mdl);
    IoFreeMdl(mdl);

FreeSnapshot:
    ExFreePoolWithTag(snapshot, CAP_TAG_RING); // expect: PT006
    return status;
}

_Use_decl_annotations_
NTSTATUS
CapDeviceControl(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PCAP_EXTENSION ext = (PCAP_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status;
    ULONG_PTR info = 0;

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_CAP_READ_SNAPSHOT:
        status = CapCopySnapshot(ext, Irp->UserBuffer,
                                 stack->Parameters.DeviceIoControl.OutputBufferLength, &info);
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = info;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}
