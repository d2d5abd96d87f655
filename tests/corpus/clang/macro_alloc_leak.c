// clang-only PT001 positive: the allocation is hidden in a macro body, so only
// a frontend that expands macros sees it; it is reported at the macro's use.
#include <ntddk.h>

#define CTX_TAG 'xtCP'
#define ALLOC_CTX(size) ExAllocatePoolWithTag(NonPagedPoolNx, (size), CTX_TAG)
#define FREE_CTX(p) ExFreePoolWithTag((p), CTX_TAG)

NTSTATUS
StartSession(
    _In_ ULONG Length
    )
{
    PVOID ctx;

    ctx = ALLOC_CTX(Length); // expect: PT001
    if (ctx == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Length > 4096) {
        return STATUS_INVALID_PARAMETER;        // ctx leaks here
    }
    FREE_CTX(ctx);
    return STATUS_SUCCESS;
}
