// PT001 positive: the work item is queued only when no rescan is already
// pending; the "already pending" branch returns without IoFreeWorkItem.
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

    item = IoAllocateWorkItem(DevExt->Self); // expect: PT001
    if (item == NULL) {
        return;
    }

    if (InterlockedCompareExchange(&DevExt->RescanPending, 1, 0) != 0) {
        return;
    }

    IoQueueWorkItemEx(item, RescanWorker, DelayedWorkQueue, DevExt);
}
