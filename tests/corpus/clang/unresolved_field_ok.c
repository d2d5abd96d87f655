// clang PT001 negative (the shape of the NDIS forwarding extension's
// SxExtCreateSwitch): the Lock field's type is unknown, so clang turns
// `ctx->Lock` into a recovery expression without reporting an error in
// this file.  Lowered as `ctx = VendorAllocateLock()`, the allocation looked
// overwritten and leaked; such functions are now lowered by tree-sitter.
#include <ntddk.h>
#include "unresolved_field.h"

#define SWITCH_TAG 'wSxE'

NTSTATUS
CreateSwitch(
    _Out_ PVOID *ExtensionContext
    )
{
    NTSTATUS status = STATUS_SUCCESS;
    PSWITCH_CONTEXT ctx;

    ctx = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(SWITCH_CONTEXT), SWITCH_TAG);
    if (ctx == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Cleanup;
    }

    InitializeListHead(&ctx->NicList);
    ctx->Lock = VendorAllocateLock();
    if (ctx->Lock == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Cleanup;
    }
    ctx->IsInitialRestart = TRUE;
    *ExtensionContext = ctx;

Cleanup:
    if (status != STATUS_SUCCESS) {
        if (ctx != NULL) {
            ExFreePoolWithTag(ctx, SWITCH_TAG);
        }
    }
    return status;
}
