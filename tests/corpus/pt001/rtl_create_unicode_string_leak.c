// PT001 positive: RtlCreateUnicodeString (BOOLEAN result) allocates the
// buffer; the "link already exists" path returns without freeing it.
#include <ntddk.h>

#define SAMPLE_LINK_NAME L"\\DosDevices\\PoolSample"

typedef struct _DEVICE_EXTENSION {
    UNICODE_STRING DeviceName;
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

    if (!RtlCreateUnicodeString(&linkName, SAMPLE_LINK_NAME)) { // expect: PT001
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    if (DevExt->LinkCreated) {
        return STATUS_OBJECT_NAME_EXISTS;
    }

    status = IoCreateSymbolicLink(&linkName, &DevExt->DeviceName);
    if (NT_SUCCESS(status)) {
        DevExt->LinkCreated = TRUE;
    }
    RtlFreeUnicodeString(&linkName);
    return status;
}
