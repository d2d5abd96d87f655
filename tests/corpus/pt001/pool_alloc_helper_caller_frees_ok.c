// PT001 negative (near-miss of pool_alloc_helper_caller_leak.c): the caller of
// the allocating helper frees the context on its error path.
#include <ntddk.h>

#define WORK_TAG 'krWS'

typedef struct _SCAN_CONTEXT {
    ULONG Lba;
    ULONG Blocks;
    NTSTATUS Result;
} SCAN_CONTEXT, *PSCAN_CONTEXT;

typedef struct _DEVICE_EXTENSION {
    ULONG TotalBlocks;
    PSCAN_CONTEXT ActiveScan;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

static
PSCAN_CONTEXT
AllocateScanContext(
    _In_ ULONG Lba,
    _In_ ULONG Blocks
    )
{
    PSCAN_CONTEXT ctx;

    ctx = (PSCAN_CONTEXT)ExAllocatePoolZero(NonPagedPoolNx, sizeof(SCAN_CONTEXT), WORK_TAG);
    if (ctx != NULL) {
        ctx->Lba = Lba;
        ctx->Blocks = Blocks;
        ctx->Result = STATUS_PENDING;
    }
    return ctx;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
StartMediaScan(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ ULONG Lba,
    _In_ ULONG Blocks
    )
{
    PSCAN_CONTEXT scan;

    scan = AllocateScanContext(Lba, Blocks);
    if (scan == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    if (Lba + Blocks > DevExt->TotalBlocks) {
        ExFreePoolWithTag(scan, WORK_TAG);
        return STATUS_INVALID_PARAMETER;
    }

    DevExt->ActiveScan = scan;
    return STATUS_PENDING;
}
