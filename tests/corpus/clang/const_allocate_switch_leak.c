// clang-only PT001 positive: RtlAnsiStringToUnicodeString allocates when its
// AllocateDestinationString argument is TRUE - here a const BOOLEAN that only
// a frontend evaluating constants sees as TRUE.  The error path leaks it.
// The second conversion passes a const FALSE and allocates nothing.
#include <ntddk.h>

static const BOOLEAN AllocateName = TRUE;
static const BOOLEAN IntoCallerBuffer = FALSE;

NTSTATUS
OpenNamedObject(
    _In_ PCSZ AnsiName,
    _In_ BOOLEAN ReadOnly
    )
{
    ANSI_STRING ansi;
    UNICODE_STRING name;
    UNICODE_STRING fixed;
    WCHAR storage[64];
    NTSTATUS status;

    RtlInitAnsiString(&ansi, AnsiName);
    status = RtlAnsiStringToUnicodeString(&name, &ansi, AllocateName); // expect: PT001
    if (!NT_SUCCESS(status)) {
        return status;
    }
    fixed.Buffer = storage;
    fixed.MaximumLength = sizeof(storage);
    status = RtlAnsiStringToUnicodeString(&fixed, &ansi, IntoCallerBuffer);
    if (ReadOnly) {
        return STATUS_ACCESS_DENIED;
    }
    RtlFreeUnicodeString(&name);
    return status;
}
