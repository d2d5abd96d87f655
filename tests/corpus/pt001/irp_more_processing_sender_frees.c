// PT001: an IRP sent synchronously.  Its completion routine returns
// STATUS_MORE_PROCESSING_REQUIRED without freeing it, so after IoCallDriver
// and the wait the IRP is still the sender's to free.
#include <wdm.h>

IO_COMPLETION_ROUTINE SyncComplete;

_Use_decl_annotations_
NTSTATUS
SyncComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS
SendFlushAndFree(_In_ PDEVICE_OBJECT Target)
{
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(Target->StackSize, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoGetNextIrpStackLocation(irp)->MajorFunction = IRP_MJ_FLUSH_BUFFERS;
    KeInitializeEvent(&done, NotificationEvent, FALSE);
    IoSetCompletionRoutine(irp, SyncComplete, &done, TRUE, TRUE, TRUE);
    IoCallDriver(Target, irp);
    KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
    status = irp->IoStatus.Status;
    IoFreeIrp(irp);
    return status;
}

NTSTATUS
SendFlushAndForget(_In_ PDEVICE_OBJECT Target)
{
    KEVENT done;
    PIRP irp = IoAllocateIrp(Target->StackSize, FALSE); // expect: PT001
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoGetNextIrpStackLocation(irp)->MajorFunction = IRP_MJ_FLUSH_BUFFERS;
    KeInitializeEvent(&done, NotificationEvent, FALSE);
    IoSetCompletionRoutine(irp, SyncComplete, &done, TRUE, TRUE, TRUE);
    IoCallDriver(Target, irp);
    KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
    return irp->IoStatus.Status;
}
