// write.c - IRP_MJ_WRITE: copy the job into quota-charged pool and queue it.
#include "spool.h"

_Use_decl_annotations_
NTSTATUS
SpWrite(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PSP_EXTENSION ext = (PSP_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG length = stack->Parameters.Write.Length;
    PSP_JOB job;
    NTSTATUS status;

    PAGED_CODE();

    if (length == 0 || length > SP_MAX_JOB) {
        status = STATUS_INVALID_PARAMETER;
        length = 0;
        goto Complete;
    }

    job = (PSP_JOB)ExAllocatePool2(POOL_FLAG_PAGED | POOL_FLAG_USE_QUOTA,
                                   FIELD_OFFSET(SP_JOB, Data) + length, SP_JOB_TAG);
    if (job == NULL) {
        status = STATUS_QUOTA_EXCEEDED;
        length = 0;
        goto Complete;
    }
    job->Length = length;
    RtlCopyMemory(job->Data, Irp->AssociatedIrp.SystemBuffer, length);

    ExAcquireFastMutex(&ext->QueueLock);
    InsertTailList(&ext->Jobs, &job->Link);
    InterlockedIncrement(&ext->JobCount);
    ExReleaseFastMutex(&ext->QueueLock);
    status = STATUS_SUCCESS;

Complete:
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = length;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}
