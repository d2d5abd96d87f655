// PT005 positive: an IO_WORKITEM that could not be queued is released with
// ExFreePool instead of IoFreeWorkItem.
#include <ntddk.h>

typedef struct _RS_EXTENSION {
    volatile LONG ResetPending;
    ULONG Resets;
} RS_EXTENSION, *PRS_EXTENSION;

IO_WORKITEM_ROUTINE RsResetWorker;

_Use_decl_annotations_
VOID
RsResetWorker(
    PDEVICE_OBJECT DeviceObject,
    PVOID Context
    )
{
    PRS_EXTENSION ext = (PRS_EXTENSION)DeviceObject->DeviceExtension;

    ext->Resets++;
    InterlockedExchange(&ext->ResetPending, 0);
    IoFreeWorkItem((PIO_WORKITEM)Context);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
RsScheduleReset(
    _In_ PDEVICE_OBJECT DeviceObject
    )
{
    PRS_EXTENSION ext = (PRS_EXTENSION)DeviceObject->DeviceExtension;
    PIO_WORKITEM item;

    item = IoAllocateWorkItem(DeviceObject);
    if (item == NULL) {
        return;
    }
    if (InterlockedCompareExchange(&ext->ResetPending, 1, 0) != 0) {
        ExFreePool(item); // expect: PT005
        return;
    }
    IoQueueWorkItem(item, RsResetWorker, DelayedWorkQueue, item);
}
