// PT001 negative (near-miss of irp_alloc_error_path_leak.c): the IRP is freed
// when the context allocation fails and is otherwise sent with IoCallDriver.
#include <wdm.h>

#define QRY_TAG 'yrQI'
#define IOCTL_INTERNAL_SAMPLE_QUERY CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA00, METHOD_NEITHER, FILE_ANY_ACCESS)

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT LowerDevice;
    ULONG LastQueryResult;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

typedef struct _QUERY_CONTEXT {
    PDEVICE_EXTENSION DevExt;
    KEVENT Done;
} QUERY_CONTEXT, *PQUERY_CONTEXT;

IO_COMPLETION_ROUTINE QueryCompletion;

_Use_decl_annotations_
NTSTATUS
QueryCompletion(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PQUERY_CONTEXT ctx = (PQUERY_CONTEXT)Context;

    UNREFERENCED_PARAMETER(DeviceObject);

    ctx->DevExt->LastQueryResult = (ULONG)Irp->IoStatus.Information;
    IoFreeIrp(Irp);
    ExFreePoolWithTag(ctx, QRY_TAG);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
SendQueryToLower(
    _In_ PDEVICE_EXTENSION DevExt
    )
{
    PIRP irp;
    PQUERY_CONTEXT ctx;
    PIO_STACK_LOCATION next;

    irp = IoAllocateIrp(DevExt->LowerDevice->StackSize, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    ctx = (PQUERY_CONTEXT)ExAllocatePoolZero(NonPagedPoolNx, sizeof(QUERY_CONTEXT), QRY_TAG);
    if (ctx == NULL) {
        IoFreeIrp(irp);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ctx->DevExt = DevExt;
    KeInitializeEvent(&ctx->Done, NotificationEvent, FALSE);

    irp->IoStatus.Status = STATUS_NOT_SUPPORTED;
    next = IoGetNextIrpStackLocation(irp);
    next->MajorFunction = IRP_MJ_INTERNAL_DEVICE_CONTROL;
    next->Parameters.DeviceIoControl.IoControlCode = IOCTL_INTERNAL_SAMPLE_QUERY;

    IoSetCompletionRoutine(irp, QueryCompletion, ctx, TRUE, TRUE, TRUE);
    return IoCallDriver(DevExt->LowerDevice, irp);
}
