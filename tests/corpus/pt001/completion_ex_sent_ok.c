// PT001 negative (near-miss of the completion_ex_*_leak.c files): the removed
// check happens before IoSetCompletionRoutineEx, whose context is released by
// sending the IRP; the failed-status path allocated nothing.
#include <wdm.h>

typedef struct _FILTER_EXTENSION {
    PDEVICE_OBJECT LowerDevice;
    BOOLEAN Removed;
    ULONG ReadsSeen;
} FILTER_EXTENSION, *PFILTER_EXTENSION;

IO_COMPLETION_ROUTINE FilterReadCompletion;
DRIVER_DISPATCH FilterRead;

_Use_decl_annotations_
NTSTATUS
FilterReadCompletion(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PFILTER_EXTENSION ext = (PFILTER_EXTENSION)Context;

    UNREFERENCED_PARAMETER(DeviceObject);

    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    InterlockedIncrement((volatile LONG *)&ext->ReadsSeen);
    return STATUS_CONTINUE_COMPLETION;
}

_Use_decl_annotations_
NTSTATUS
FilterRead(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PFILTER_EXTENSION ext = (PFILTER_EXTENSION)DeviceObject->DeviceExtension;
    NTSTATUS status;

    if (ext->Removed) {
        Irp->IoStatus.Status = STATUS_DELETE_PENDING;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_DELETE_PENDING;
    }

    IoCopyCurrentIrpStackLocationToNext(Irp);

    status = IoSetCompletionRoutineEx(DeviceObject, Irp, FilterReadCompletion, ext, TRUE, TRUE, TRUE);
    if (!NT_SUCCESS(status)) {
        Irp->IoStatus.Status = status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return status;
    }

    return IoCallDriver(ext->LowerDevice, Irp);
}
