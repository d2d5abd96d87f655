// PT001 positive: a pool buffer stored into a local UNICODE_STRING is still
// owned by the function; the mismatch path returns without freeing it.
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
    UNICODE_STRING linkCopy;
    PWCHAR buffer;
    BOOLEAN match;

    PAGED_CODE();

    buffer = (PWCHAR)ExAllocatePoolWithTag(PagedPool, SymbolicLink->Length, NAME_TAG); // expect: PT001
    if (buffer == NULL) {
        return FALSE;
    }

    linkCopy.Buffer = buffer;
    linkCopy.Length = 0;
    linkCopy.MaximumLength = SymbolicLink->Length;

    if (SymbolicLink->Length != DevExt->InterfaceName.Length) {
        return FALSE;
    }

    RtlCopyUnicodeString(&linkCopy, SymbolicLink);
    match = RtlEqualUnicodeString(&linkCopy, &DevExt->InterfaceName, TRUE);
    ExFreePoolWithTag(buffer, NAME_TAG);
    return match;
}
