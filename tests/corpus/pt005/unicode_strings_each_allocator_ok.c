// PT005 negative: two UNICODE_STRINGs side by side.  One has a Buffer the
// driver allocated (freed with ExFreePoolWithTag on .Buffer); the other was
// filled by RtlDuplicateUnicodeString (freed with RtlFreeUnicodeString).
#include <ntddk.h>

#define US_TAG 'rtSU'

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UsCompareUpcased(
    _In_ PCUNICODE_STRING Left,
    _In_ PCUNICODE_STRING Right,
    _Out_ PBOOLEAN Equal
    )
{
    UNICODE_STRING upper;
    UNICODE_STRING copy;
    NTSTATUS status;

    PAGED_CODE();

    *Equal = FALSE;
    upper.Buffer = (PWSTR)ExAllocatePool2(POOL_FLAG_PAGED, Left->Length, US_TAG);
    if (upper.Buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    upper.Length = 0;
    upper.MaximumLength = Left->Length;

    status = RtlUpcaseUnicodeString(&upper, Left, FALSE);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(upper.Buffer, US_TAG);
        return status;
    }

    status = RtlDuplicateUnicodeString(0, Right, &copy);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(upper.Buffer, US_TAG);
        return status;
    }

    *Equal = RtlEqualUnicodeString(&upper, &copy, TRUE);
    RtlFreeUnicodeString(&copy);
    ExFreePoolWithTag(upper.Buffer, US_TAG);
    return STATUS_SUCCESS;
}
