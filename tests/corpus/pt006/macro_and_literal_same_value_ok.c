// PT006 negative: the allocation names the tag through SE_CONTEXT_TAG, the
// free spells out the same literal; the values are equal.
#include <ntddk.h>

#define SE_CONTEXT_TAG 'xCeS'

typedef struct _SE_CONTEXT {
    LUID AuthenticationId;
    ULONG SessionId;
} SE_CONTEXT, *PSE_CONTEXT;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
SeSnapshotSession(
    _In_ ULONG SessionId,
    _Out_ PLUID AuthenticationId
    )
{
    PSE_CONTEXT ctx;

    PAGED_CODE();

    ctx = (PSE_CONTEXT)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(SE_CONTEXT), SE_CONTEXT_TAG);
    if (ctx == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ctx->SessionId = SessionId;
    ctx->AuthenticationId.LowPart = SessionId;
    ctx->AuthenticationId.HighPart = 0;
    *AuthenticationId = ctx->AuthenticationId;
    ExFreePoolWithTag(ctx, 'xCeS');
    return STATUS_SUCCESS;
}
