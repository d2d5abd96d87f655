// post.c - IOCTL_EVQ_POST appends an event to the extension's list.
#include "evq.h"

_Use_decl_annotations_
NTSTATUS
EvqDeviceControl(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PEVQ_EXTENSION ext = (PEVQ_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG inLength = stack->Parameters.DeviceIoControl.InputBufferLength;
    PEVQ_EVENT event;
    KIRQL oldIrql;
    NTSTATUS status;

    if (stack->Parameters.DeviceIoControl.IoControlCode != IOCTL_EVQ_POST) {
        status = STATUS_INVALID_DEVICE_REQUEST;
        goto Complete;
    }
    if (inLength > EVQ_MAX_PAYLOAD) {
        status = STATUS_INVALID_PARAMETER;
        goto Complete;
    }

    event = (PEVQ_EVENT)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(EVQ_EVENT), EVQ_TAG);
    if (event == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Complete;
    }
    KeQuerySystemTimePrecise(&event->Time);
    event->PayloadLength = inLength;
    RtlCopyMemory(event->Payload, Irp->AssociatedIrp.SystemBuffer, inLength);

    KeAcquireSpinLock(&ext->Lock, &oldIrql);
    InsertTailList(&ext->Events, &event->Link);
    ext->EventCount++;
    KeReleaseSpinLock(&ext->Lock, oldIrql);
    status = STATUS_SUCCESS;

Complete:
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}
