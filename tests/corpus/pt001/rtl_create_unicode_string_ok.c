// PT001 negative (near-miss of rtl_create_unicode_string_leak.c): the check
// runs before RtlCreateUnicodeString (FALSE result = nothing allocated), and a
// second function creates the string directly in the device extension.
#include <ntddk.h>

#define SAMPLE_LINK_NAME L"\\DosDevices\\PoolSample"

typedef struct _DEVICE_EXTENSION {
    UNICODE_STRING DeviceName;
    UNICODE_STRING LinkName;
    BOOLEAN LinkCreated;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
CreateUserLink(
    _Inout_ PDEVICE_EXTENSION DevExt
    )
{
    UNICODE_STRING linkName;
    NTSTATUS status;

    PAGED_CODE();

    if (DevExt->LinkCreated) {
        return STATUS_OBJECT_NAME_EXISTS;
    }

    if (!RtlCreateUnicodeString(&linkName, SAMPLE_LINK_NAME)) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    status = IoCreateSymbolicLink(&linkName, &DevExt->DeviceName);
    if (NT_SUCCESS(status)) {
        DevExt->LinkCreated = TRUE;
    }
    RtlFreeUnicodeString(&linkName);
    return status;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
RememberLinkName(
    _Inout_ PDEVICE_EXTENSION DevExt
    )
{
    PAGED_CODE();

    if (!RtlCreateUnicodeString(&DevExt->LinkName, SAMPLE_LINK_NAME)) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return STATUS_SUCCESS;
}
