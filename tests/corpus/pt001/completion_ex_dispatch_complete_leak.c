// PT001 positive: a filter dispatch routine sets IoSetCompletionRoutineEx on
// the incoming IRP, then completes it on the removed path instead of passing
// it down, so the completion context is never freed.
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

    IoCopyCurrentIrpStackLocationToNext(Irp);

    status = IoSetCompletionRoutineEx(DeviceObject, Irp, FilterReadCompletion, ext, TRUE, TRUE, TRUE); // expect: PT001
    if (!NT_SUCCESS(status)) {
        Irp->IoStatus.Status = status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return status;
    }

    if (ext->Removed) {
        Irp->IoStatus.Status = STATUS_DELETE_PENDING;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_DELETE_PENDING;
    }

    return IoCallDriver(ext->LowerDevice, Irp);
}
