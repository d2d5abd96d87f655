// PT005 positive: the UNICODE_STRING's Buffer was allocated by the driver
// with ExAllocatePool2 and a driver tag; RtlFreeUnicodeString is only for
// buffers the Rtl conversion routines allocated.  Free it with
// ExFreePoolWithTag(name.Buffer, tag).
#include <ntddk.h>

#define NM_TAG 'mNvD'

_IRQL_requires_(PASSIVE_LEVEL)
BOOLEAN
NmIsExcluded(
    _In_ PCUNICODE_STRING Parent,
    _In_ PCUNICODE_STRING Child,
    _In_ PCUNICODE_STRING ExcludedPath
    )
{
    UNICODE_STRING name;
    BOOLEAN excluded;
    NTSTATUS status;
    ULONG bytes;

    PAGED_CODE();

    status = RtlULongAdd(Parent->Length, sizeof(WCHAR) + Child->Length, &bytes);
    if (!NT_SUCCESS(status) || bytes > MAXUSHORT) {
        return FALSE;
    }

    name.Buffer = (PWSTR)ExAllocatePool2(POOL_FLAG_PAGED, bytes, NM_TAG);
    if (name.Buffer == NULL) {
        return FALSE;
    }
    name.Length = 0;
    name.MaximumLength = (USHORT)bytes;
    RtlCopyUnicodeString(&name, Parent);
    RtlAppendUnicodeToString(&name, L"\\");
    RtlAppendUnicodeStringToString(&name, Child);

    excluded = RtlEqualUnicodeString(&name, ExcludedPath, TRUE);
    RtlFreeUnicodeString(&name); // expect: PT005
    return excluded;
}
