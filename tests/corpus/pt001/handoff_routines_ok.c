// PT001 negative: contexts handed to routines that take ownership -- an
// IoSetCompletionRoutine context, a system thread start context, a DPC
// argument and an interlocked singly linked list push.
#include <ntddk.h>

#define HND_TAG 'dnHS'

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT LowerDevice;
    KDPC CompletionDpc;
    SINGLE_LIST_ENTRY FreeBuffers;
    KSPIN_LOCK FreeBuffersLock;
    HANDLE PollerThread;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

typedef struct _FWD_CONTEXT {
    PDEVICE_EXTENSION DevExt;
    ULONG Sequence;
} FWD_CONTEXT, *PFWD_CONTEXT;

typedef struct _POOL_BUFFER {
    SINGLE_LIST_ENTRY Link;
    UCHAR Data[256];
} POOL_BUFFER, *PPOOL_BUFFER;

IO_COMPLETION_ROUTINE ForwardCompletion;
KSTART_ROUTINE PollerThreadMain;

_Use_decl_annotations_
NTSTATUS
ForwardCompletion(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    UNREFERENCED_PARAMETER(DeviceObject);

    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    ExFreePoolWithTag(Context, HND_TAG);
    return STATUS_CONTINUE_COMPLETION;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
ForwardWithContext(
    _In_ PDEVICE_EXTENSION DevExt,
    _Inout_ PIRP Irp,
    _In_ ULONG Sequence
    )
{
    PFWD_CONTEXT ctx;

    ctx = (PFWD_CONTEXT)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(FWD_CONTEXT), HND_TAG);
    if (ctx == NULL) {
        IoSkipCurrentIrpStackLocation(Irp);
        return IoCallDriver(DevExt->LowerDevice, Irp);
    }
    ctx->DevExt = DevExt;
    ctx->Sequence = Sequence;

    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, ForwardCompletion, ctx, TRUE, TRUE, TRUE);
    return IoCallDriver(DevExt->LowerDevice, Irp);
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
StartPoller(
    _Inout_ PDEVICE_EXTENSION DevExt
    )
{
    PFWD_CONTEXT ctx;
    NTSTATUS status;

    PAGED_CODE();

    ctx = (PFWD_CONTEXT)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(FWD_CONTEXT), HND_TAG);
    if (ctx == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ctx->DevExt = DevExt;
    ctx->Sequence = 0;

    status = PsCreateSystemThread(&DevExt->PollerThread,
                                  THREAD_ALL_ACCESS,
                                  NULL,
                                  NULL,
                                  NULL,
                                  PollerThreadMain,
                                  ctx);
    if (!NT_SUCCESS(status)) {
        // the thread never started, so the context was not consumed
        ExFreePoolWithTag(ctx, HND_TAG);
    }
    return status;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
SignalCompletionDpc(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_ ULONG Sequence
    )
{
    PFWD_CONTEXT ctx;

    ctx = (PFWD_CONTEXT)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(FWD_CONTEXT), HND_TAG);
    if (ctx == NULL) {
        return;
    }
    ctx->DevExt = DevExt;
    ctx->Sequence = Sequence;
    KeInsertQueueDpc(&DevExt->CompletionDpc, ctx, NULL);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
GrowFreeBufferList(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ ULONG Count
    )
{
    ULONG i;
    PPOOL_BUFFER buf;

    for (i = 0; i < Count; i++) {
        buf = (PPOOL_BUFFER)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(POOL_BUFFER), HND_TAG);
        if (buf == NULL) {
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        ExInterlockedPushEntryList(&DevExt->FreeBuffers,
                                   &buf->Link,
                                   &DevExt->FreeBuffersLock);
    }
    return STATUS_SUCCESS;
}
