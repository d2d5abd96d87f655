// PT006 negative: allocated with HX_TAG_BUFFER, freed with HX_TAG_DEFAULT,
// which tags.h defines as HX_TAG_BUFFER - the same value through a macro
// chain; the name buffer uses HX_TAG_NAME on both sides.
#include <ntddk.h>
#include "tags.h"

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
HxCopyName(
    _In_ PCUNICODE_STRING Source,
    _Out_ PULONG Hash
    )
{
    UNICODE_STRING copy;
    PUCHAR scratch;
    NTSTATUS status;

    PAGED_CODE();

    scratch = (PUCHAR)ExAllocatePool2(POOL_FLAG_PAGED, PAGE_SIZE, HX_TAG_BUFFER);
    if (scratch == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    copy.Buffer = (PWSTR)ExAllocatePool2(POOL_FLAG_PAGED, Source->Length, HX_TAG_NAME);
    if (copy.Buffer == NULL) {
        ExFreePoolWithTag(scratch, HX_TAG_DEFAULT);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    copy.Length = 0;
    copy.MaximumLength = Source->Length;
    RtlCopyUnicodeString(&copy, Source);
    status = RtlHashUnicodeString(&copy, TRUE, HASH_STRING_ALGORITHM_DEFAULT, Hash);

    ExFreePoolWithTag(copy.Buffer, HX_TAG_NAME);
    ExFreePoolWithTag(scratch, HX_TAG_DEFAULT);
    return status;
}
