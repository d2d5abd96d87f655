// PT001 negative (near-miss of rtl_duplicate_unicode_string_leak.c): the local
// copy is freed on the invalid-name path; duplicates made straight into a
// global and into the device extension are handed off.
#include <ntddk.h>

#define MIN_SERVICE_NAME_CHARS 3

typedef struct _DEVICE_EXTENSION {
    ULONG ServiceNameHash;
    SIZE_T ServiceNameChars;
    UNICODE_STRING InstancePath;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

UNICODE_STRING g_ServiceKey;

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

    status = RtlDuplicateUnicodeString(RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE,
                                       ServiceName,
                                       &copy);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    DevExt->ServiceNameChars = wcslen(copy.Buffer);
    if (DevExt->ServiceNameChars < MIN_SERVICE_NAME_CHARS) {
        RtlFreeUnicodeString(&copy);
        return STATUS_OBJECT_NAME_INVALID;
    }

    status = RtlHashUnicodeString(&copy, TRUE, HASH_STRING_ALGORITHM_DEFAULT, &DevExt->ServiceNameHash);
    RtlFreeUnicodeString(&copy);
    return status;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
SaveServiceKey(
    _In_ PCUNICODE_STRING RegistryPath
    )
{
    PAGED_CODE();

    return RtlDuplicateUnicodeString(RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE,
                                     RegistryPath,
                                     &g_ServiceKey);
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
SaveInstancePath(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ PCUNICODE_STRING InstancePath
    )
{
    NTSTATUS status;

    PAGED_CODE();

    status = RtlDuplicateUnicodeString(0, InstancePath, &DevExt->InstancePath);
    if (!NT_SUCCESS(status)) {
        DevExt->InstancePath.Buffer = NULL;
        DevExt->InstancePath.Length = 0;
        DevExt->InstancePath.MaximumLength = 0;
    }
    return status;
}
