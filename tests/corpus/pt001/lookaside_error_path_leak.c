// PT001 positive: a request tracker comes from a non-paged lookaside list; the
// zero-length path completes the IRP without returning the entry to the list.
#include <wdm.h>

typedef struct _REQUEST_TRACKER {
    LIST_ENTRY Link;
    PIRP Irp;
    ULONG Length;
    LARGE_INTEGER StartTime;
} REQUEST_TRACKER, *PREQUEST_TRACKER;

typedef struct _DEVICE_EXTENSION {
    NPAGED_LOOKASIDE_LIST TrackerLookaside;
    LIST_ENTRY ActiveRequests;
    KSPIN_LOCK ActiveLock;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_DISPATCH TrackedWrite;

_Use_decl_annotations_
NTSTATUS
TrackedWrite(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PDEVICE_EXTENSION devExt = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PREQUEST_TRACKER tracker;

    tracker = (PREQUEST_TRACKER)ExAllocateFromNPagedLookasideList(&devExt->TrackerLookaside); // expect: PT001
    if (tracker == NULL) {
        Irp->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    tracker->Irp = Irp;
    tracker->Length = stack->Parameters.Write.Length;
    tracker->StartTime = KeQueryPerformanceCounter(NULL);

    if (tracker->Length == 0) {
        Irp->IoStatus.Status = STATUS_SUCCESS;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_SUCCESS;
    }

    IoMarkIrpPending(Irp);
    ExInterlockedInsertTailList(&devExt->ActiveRequests, &tracker->Link, &devExt->ActiveLock);
    return STATUS_PENDING;
}
