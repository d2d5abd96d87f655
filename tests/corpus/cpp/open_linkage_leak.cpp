// C++ PT001 positive: the definitions below sit inside the `extern "C" {`
// that open_linkage.h leaves open; clang must still find them.
#include <ntddk.h>
#include "open_linkage.h"

#define STAGING_TAG 'gtsQ'

NTSTATUS
PrepareStaging(_Inout_ PQUEUE_CONTEXT Queue, _In_ ULONG Length)
{
    PVOID staging = ExAllocatePool2(POOL_FLAG_NON_PAGED, Length, STAGING_TAG); // expect: PT001
    if (staging == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Length > 4096) {
        return STATUS_INVALID_PARAMETER;
    }
    Queue->Staging = staging;
    Queue->Length = Length;
    return STATUS_SUCCESS;
}
