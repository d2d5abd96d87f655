// PT001 negative (near-miss of workitem_error_path_leak.c): the work item is
// freed when the context allocation fails and handed off by IoQueueWorkItem
// otherwise; a second function keeps a work item in the device extension.
#include <wdm.h>

#define RST_TAG 'tsRW'

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT Self;
    ULONG ResetCount;
    PIO_WORKITEM RecoveryWorkItem;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

typedef struct _RESET_CONTEXT {
    PIO_WORKITEM WorkItem;
    PDEVICE_EXTENSION DevExt;
    ULONG Reason;
} RESET_CONTEXT, *PRESET_CONTEXT;

IO_WORKITEM_ROUTINE ResetWorker;

_Use_decl_annotations_
VOID
ResetWorker(
    PDEVICE_OBJECT DeviceObject,
    PVOID Context
    )
{
    PRESET_CONTEXT ctx = (PRESET_CONTEXT)Context;

    UNREFERENCED_PARAMETER(DeviceObject);

    ctx->DevExt->ResetCount++;
    IoFreeWorkItem(ctx->WorkItem);
    ExFreePoolWithTag(ctx, RST_TAG);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
ScheduleReset(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_ ULONG Reason
    )
{
    PIO_WORKITEM item;
    PRESET_CONTEXT ctx;

    item = IoAllocateWorkItem(DevExt->Self);
    if (item == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    ctx = (PRESET_CONTEXT)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(RESET_CONTEXT), RST_TAG);
    if (ctx == NULL) {
        IoFreeWorkItem(item);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    ctx->WorkItem = item;
    ctx->DevExt = DevExt;
    ctx->Reason = Reason;
    IoQueueWorkItem(item, ResetWorker, DelayedWorkQueue, ctx);
    return STATUS_PENDING;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
PrepareRecoveryWorkItem(
    _Inout_ PDEVICE_EXTENSION DevExt
    )
{
    PIO_WORKITEM item;

    PAGED_CODE();

    item = IoAllocateWorkItem(DevExt->Self);
    if (item == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    DevExt->RecoveryWorkItem = item;
    return STATUS_SUCCESS;
}
