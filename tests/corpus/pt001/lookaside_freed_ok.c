// PT001 negative (near-miss of lookaside_error_path_leak.c): the zero-length
// path returns the tracker to its lookaside list before completing the IRP.
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

    tracker = (PREQUEST_TRACKER)ExAllocateFromNPagedLookasideList(&devExt->TrackerLookaside);
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
        ExFreeToNPagedLookasideList(&devExt->TrackerLookaside, tracker);
        Irp->IoStatus.Status = STATUS_SUCCESS;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_SUCCESS;
    }

    IoMarkIrpPending(Irp);
    ExInterlockedInsertTailList(&devExt->ActiveRequests, &tracker->Link, &devExt->ActiveLock);
    return STATUS_PENDING;
}
