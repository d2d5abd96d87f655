// queue.c - write queues a message on the extension's list, read dequeues one.
#include "pending.h"

_Use_decl_annotations_
NTSTATUS
PmWrite(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PPM_DEVICE_EXTENSION ext = (PPM_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG length = stack->Parameters.Write.Length;
    PPM_MESSAGE msg;
    KIRQL oldIrql;
    NTSTATUS status;

    if (length == 0 || length > PM_MAX_MSG_BYTES) {
        status = STATUS_INVALID_BUFFER_SIZE;
        length = 0;
        goto Complete;
    }

    msg = (PPM_MESSAGE)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(PM_MESSAGE), PM_MSG_TAG); // expect: PT002
    if (msg == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        length = 0;
        goto Complete;
    }
    RtlCopyMemory(msg->Data, Irp->AssociatedIrp.SystemBuffer, length);
    msg->Length = length;

    KeAcquireSpinLock(&ext->PendingLock, &oldIrql);
    InsertTailList(&ext->PendingList, &msg->Link);
    ext->PendingCount++;
    KeReleaseSpinLock(&ext->PendingLock, oldIrql);
    status = STATUS_SUCCESS;

Complete:
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = length;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

_Use_decl_annotations_
NTSTATUS
PmRead(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PPM_DEVICE_EXTENSION ext = (PPM_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PLIST_ENTRY link = NULL;
    PPM_MESSAGE msg;
    ULONG copied = 0;
    KIRQL oldIrql;
    NTSTATUS status = STATUS_NO_MORE_ENTRIES;

    KeAcquireSpinLock(&ext->PendingLock, &oldIrql);
    if (!IsListEmpty(&ext->PendingList)) {
        link = RemoveHeadList(&ext->PendingList);
        ext->PendingCount--;
    }
    KeReleaseSpinLock(&ext->PendingLock, oldIrql);

    if (link != NULL) {
        msg = CONTAINING_RECORD(link, PM_MESSAGE, Link);
        copied = min(msg->Length, stack->Parameters.Read.Length);
        RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, msg->Data, copied);
        ExFreePoolWithTag(msg, PM_MSG_TAG);
        status = STATUS_SUCCESS;
    }

    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = copied;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}
