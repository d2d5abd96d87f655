// PT001 negative (near-miss of pool_local_struct_leak.c): the buffer lives in a
// local UNICODE_STRING and is freed through that field on every exit.
#include <ntddk.h>

#define NAME_TAG 'mNvD'

typedef struct _DEVICE_EXTENSION {
    UNICODE_STRING InterfaceName;
    ULONG InstanceId;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(PASSIVE_LEVEL)
BOOLEAN
IsOurInterface(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_ PCUNICODE_STRING SymbolicLink
    )
{
    UNICODE_STRING copy;
    BOOLEAN match = FALSE;

    PAGED_CODE();

    if (SymbolicLink->Length != DevExt->InterfaceName.Length) {
        return FALSE;
    }

    copy.Buffer = (PWCHAR)ExAllocatePoolWithTag(PagedPool, SymbolicLink->Length, NAME_TAG);
    if (copy.Buffer == NULL) {
        return FALSE;
    }
    copy.Length = 0;
    copy.MaximumLength = SymbolicLink->Length;

    RtlCopyUnicodeString(&copy, SymbolicLink);
    match = RtlEqualUnicodeString(&copy, &DevExt->InterfaceName, TRUE);

    ExFreePoolWithTag(copy.Buffer, NAME_TAG);
    return match;
}
