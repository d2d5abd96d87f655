// clang PT001 positive: only the active #if branch exists for clang.  The
// branch that frees is compiled only with POOLTRACK_SAMPLE_FREES (never
// defined), so the build leaks on the error path.
#include <ntddk.h>

#define SAMPLE_TAG 'pmaS'

NTSTATUS
ReadConfig(
    _In_ ULONG Size
    )
{
    PVOID data = ExAllocatePoolWithTag(PagedPool, Size, SAMPLE_TAG); // expect: PT001

    if (data == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Size < 16) {
#ifdef POOLTRACK_SAMPLE_FREES
        ExFreePoolWithTag(data, SAMPLE_TAG);
#endif
        return STATUS_BUFFER_TOO_SMALL;
    }
    ExFreePoolWithTag(data, SAMPLE_TAG);
    return STATUS_SUCCESS;
}
