// PT004 negative: the locked MDL becomes Irp->MdlAddress of an IRP that is
// sent with IoCallDriver; the lock travels with the IRP, and the completion
// routine unlocks the pages and frees the MDL and the IRP.
#include <wdm.h>

IO_COMPLETION_ROUTINE DxWriteComplete;

_Use_decl_annotations_
NTSTATUS
DxWriteComplete(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PKEVENT done = (PKEVENT)Context;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (Irp->MdlAddress != NULL) {
        MmUnlockPages(Irp->MdlAddress);
        IoFreeMdl(Irp->MdlAddress);
        Irp->MdlAddress = NULL;
    }
    IoFreeIrp(Irp);
    KeSetEvent(done, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
DxWriteUserBuffer(
    _In_ PDEVICE_OBJECT Target,
    _In_ PVOID UserBuffer,
    _In_ ULONG Length,
    _In_ PLARGE_INTEGER Offset
    )
{
    PIO_STACK_LOCATION next;
    KEVENT done;
    PMDL mdl;
    PIRP irp;

    irp = IoAllocateIrp(Target->StackSize, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    mdl = IoAllocateMdl(UserBuffer, Length, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        IoFreeIrp(irp);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(mdl, UserMode, IoReadAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        IoFreeIrp(irp);
        return GetExceptionCode();
    }

    irp->MdlAddress = mdl;
    next = IoGetNextIrpStackLocation(irp);
    next->MajorFunction = IRP_MJ_WRITE;
    next->Parameters.Write.Length = Length;
    next->Parameters.Write.ByteOffset = *Offset;

    KeInitializeEvent(&done, NotificationEvent, FALSE);
    IoSetCompletionRoutine(irp, DxWriteComplete, &done, TRUE, TRUE, TRUE);
    IoCallDriver(Target, irp);
    KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
    return STATUS_SUCCESS;
}
