// PT001 positive: an IO_WORKITEM is allocated, then the context allocation
// fails and the function returns without IoFreeWorkItem.
#include <wdm.h>

#define RST_TAG 'tsRW'

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT Self;
    ULONG ResetCount;
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

    item = IoAllocateWorkItem(DevExt->Self); // expect: PT001
    if (item == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    ctx = (PRESET_CONTEXT)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(RESET_CONTEXT), RST_TAG);
    if (ctx == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    ctx->WorkItem = item;
    ctx->DevExt = DevExt;
    ctx->Reason = Reason;
    IoQueueWorkItem(item, ResetWorker, DelayedWorkQueue, ctx);
    return STATUS_PENDING;
}
