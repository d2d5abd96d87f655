// PT001 negative (near-miss of workitem_not_queued_on_busy_leak.c): the
// "already pending" branch frees the work item it will not queue.
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT Self;
    PDEVICE_OBJECT Pdo;
    volatile LONG RescanPending;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

IO_WORKITEM_ROUTINE_EX RescanWorker;

_Use_decl_annotations_
VOID
RescanWorker(
    PVOID IoObject,
    PVOID Context,
    PIO_WORKITEM WorkItem
    )
{
    PDEVICE_EXTENSION devExt = (PDEVICE_EXTENSION)Context;

    UNREFERENCED_PARAMETER(IoObject);

    IoInvalidateDeviceRelations(devExt->Pdo, BusRelations);
    InterlockedExchange(&devExt->RescanPending, 0);
    IoFreeWorkItem(WorkItem);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
RequestBusRescan(
    _In_ PDEVICE_EXTENSION DevExt
    )
{
    PIO_WORKITEM item;

    item = IoAllocateWorkItem(DevExt->Self);
    if (item == NULL) {
        return;
    }

    if (InterlockedCompareExchange(&DevExt->RescanPending, 1, 0) != 0) {
        IoFreeWorkItem(item);
        return;
    }

    IoQueueWorkItemEx(item, RescanWorker, DelayedWorkQueue, DevExt);
}
