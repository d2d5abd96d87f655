// PT005 positive: RtlAnsiStringToUnicodeString allocated the destination
// Buffer (AllocateDestinationString = TRUE); it belongs to the Rtl string
// allocator and goes back with RtlFreeUnicodeString, not ExFreePool.
#include <ntddk.h>

_IRQL_requires_(PASSIVE_LEVEL)
BOOLEAN
AnMatchesServiceName(
    _In_ PCSZ AnsiName,
    _In_ PCUNICODE_STRING ServiceName
    )
{
    ANSI_STRING ansi;
    UNICODE_STRING wide;
    BOOLEAN match;
    NTSTATUS status;

    PAGED_CODE();

    RtlInitAnsiString(&ansi, AnsiName);
    status = RtlAnsiStringToUnicodeString(&wide, &ansi, TRUE);
    if (!NT_SUCCESS(status)) {
        return FALSE;
    }
    match = RtlEqualUnicodeString(&wide, ServiceName, TRUE);
    ExFreePool(wide.Buffer); // expect: PT005
    return match;
}
