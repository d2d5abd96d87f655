// PT001 positive: a pool buffer is allocated, then an input-validation error
// path returns early without ExFreePoolWithTag.
#include <ntddk.h>

#define CFG_TAG 'gfCP'

typedef struct _CONFIG_HEADER {
    ULONG Signature;
    ULONG Version;
    ULONG EntryCount;
} CONFIG_HEADER, *PCONFIG_HEADER;

#define CONFIG_SIGNATURE 0x47464342

_Use_decl_annotations_
NTSTATUS
ParseConfigBlob(
    _In_reads_bytes_(Length) PVOID Blob,
    _In_ ULONG Length,
    _Out_ PULONG EntryCount
    )
{
    PCONFIG_HEADER copy;

    PAGED_CODE();

    *EntryCount = 0;
    if (Length < sizeof(CONFIG_HEADER)) {
        return STATUS_INVALID_PARAMETER;
    }

    copy = (PCONFIG_HEADER)ExAllocatePoolWithTag(PagedPool, Length, CFG_TAG); // expect: PT001
    if (copy == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    RtlCopyMemory(copy, Blob, Length);

    if (copy->Signature != CONFIG_SIGNATURE) {
        DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL,
                   "ParseConfigBlob: bad signature 0x%08x\n", copy->Signature);
        return STATUS_INVALID_IMAGE_FORMAT;
    }

    *EntryCount = copy->EntryCount;
    ExFreePoolWithTag(copy, CFG_TAG);
    return STATUS_SUCCESS;
}
