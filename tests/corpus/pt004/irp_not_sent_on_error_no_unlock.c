// PT004 positive: the locked MDL is attached to a driver-allocated IRP that
// is then sent down, which would hand it off; but when the completion
// context cannot be allocated the IRP is freed and so is the MDL, with the
// pages still locked.
#include <wdm.h>

typedef struct _RW_CONTEXT {
    KEVENT Done;
} RW_CONTEXT, *PRW_CONTEXT;

IO_COMPLETION_ROUTINE RwReadComplete;

_Use_decl_annotations_
NTSTATUS
RwReadComplete(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PRW_CONTEXT ctx = (PRW_CONTEXT)Context;

    UNREFERENCED_PARAMETER(DeviceObject);
    MmUnlockPages(Irp->MdlAddress);
    IoFreeMdl(Irp->MdlAddress);
    Irp->MdlAddress = NULL;
    IoFreeIrp(Irp);
    KeSetEvent(&ctx->Done, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
RwReadIntoUserBuffer(
    _In_ PDEVICE_OBJECT Target,
    _In_ PVOID UserBuffer,
    _In_ ULONG Length,
    _In_ PRW_CONTEXT Context
    )
{
    PIO_STACK_LOCATION next;
    NTSTATUS status;
    PMDL mdl;
    PIRP irp;

    mdl = IoAllocateMdl(UserBuffer, Length, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(mdl, UserMode, IoWriteAccess); // expect: PT004
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        return GetExceptionCode();
    }

    irp = IoAllocateIrp(Target->StackSize, FALSE);
    if (irp == NULL) {
        MmUnlockPages(mdl);
        IoFreeMdl(mdl);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    irp->MdlAddress = mdl;

    next = IoGetNextIrpStackLocation(irp);
    next->MajorFunction = IRP_MJ_READ;
    next->Parameters.Read.Length = Length;

    status = IoSetCompletionRoutineEx(Target, irp, RwReadComplete, Context, TRUE, TRUE, TRUE);
    if (!NT_SUCCESS(status)) {
        irp->MdlAddress = NULL;
        IoFreeIrp(irp);
        IoFreeMdl(mdl);
        return status;
    }

    KeInitializeEvent(&Context->Done, NotificationEvent, FALSE);
    IoCallDriver(Target, irp);
    KeWaitForSingleObject(&Context->Done, Executive, KernelMode, FALSE, NULL);
    return STATUS_SUCCESS;
}
