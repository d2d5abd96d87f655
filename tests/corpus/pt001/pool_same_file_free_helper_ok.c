// PT001 negative: error paths hand the context to helpers in this file that
// free their parameter on every path, so the helpers act as releases.
#include <ntddk.h>

#define CTX_TAG 'xtCS'

typedef struct _SESSION_CONTEXT {
    ULONG SessionId;
    PVOID KeyBlob;
    ULONG KeyBlobLength;
} SESSION_CONTEXT, *PSESSION_CONTEXT;

static
VOID
FreeSessionContext(
    _In_ __drv_freesMem(Mem) PSESSION_CONTEXT Context
    )
{
    if (Context->KeyBlob != NULL) {
        RtlSecureZeroMemory(Context->KeyBlob, Context->KeyBlobLength);
        ExFreePoolWithTag(Context->KeyBlob, CTX_TAG);
    }
    ExFreePoolWithTag(Context, CTX_TAG);
}

static
VOID
ReleaseScratch(
    _In_opt_ __drv_freesMem(Mem) PVOID Scratch
    )
{
    if (Scratch != NULL) {
        ExFreePoolWithTag(Scratch, CTX_TAG);
    }
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
OpenSession(
    _In_ ULONG SessionId,
    _In_ ULONG KeyLength,
    _Outptr_ PSESSION_CONTEXT *Session
    )
{
    PSESSION_CONTEXT ctx;
    PUCHAR scratch;

    *Session = NULL;

    scratch = (PUCHAR)ExAllocatePoolWithTag(PagedPool, KeyLength, CTX_TAG);
    if (scratch == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    ctx = (PSESSION_CONTEXT)ExAllocatePoolZero(PagedPool, sizeof(SESSION_CONTEXT), CTX_TAG);
    if (ctx == NULL) {
        ReleaseScratch(scratch);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ctx->SessionId = SessionId;

    if (KeyLength == 0) {
        FreeSessionContext(ctx);
        ReleaseScratch(scratch);
        return STATUS_INVALID_PARAMETER;
    }

    RtlZeroMemory(scratch, KeyLength);
    ctx->KeyBlob = scratch;
    ctx->KeyBlobLength = KeyLength;

    *Session = ctx;
    return STATUS_SUCCESS;
}
