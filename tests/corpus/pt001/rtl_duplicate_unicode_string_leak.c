// PT001 positive: RtlDuplicateUnicodeString allocates the destination given
// as its third argument; the invalid-name path returns without freeing it.
#include <ntddk.h>

#define MIN_SERVICE_NAME_CHARS 3

typedef struct _DEVICE_EXTENSION {
    ULONG ServiceNameHash;
    SIZE_T ServiceNameChars;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
HashServiceName(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ PCUNICODE_STRING ServiceName
    )
{
    UNICODE_STRING copy;
    NTSTATUS status;

    PAGED_CODE();

    status = RtlDuplicateUnicodeString(RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE, // expect: PT001
                                       ServiceName,
                                       &copy);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    DevExt->ServiceNameChars = wcslen(copy.Buffer);
    if (DevExt->ServiceNameChars < MIN_SERVICE_NAME_CHARS) {
        return STATUS_OBJECT_NAME_INVALID;
    }

    status = RtlHashUnicodeString(&copy, TRUE, HASH_STRING_ALGORITHM_DEFAULT, &DevExt->ServiceNameHash);
    RtlFreeUnicodeString(&copy);
    return status;
}
