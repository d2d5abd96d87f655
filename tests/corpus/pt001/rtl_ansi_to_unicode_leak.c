// PT001 positive: RtlAnsiStringToUnicodeString(..., TRUE) allocates the
// Unicode buffer; the prefix-mismatch path returns without RtlFreeUnicodeString.
#include <ntddk.h>

typedef struct _DEVICE_EXTENSION {
    UNICODE_STRING AllowedPrefix;
    ULONG MatchCount;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
CheckAnsiObjectName(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_z_ PCSZ AnsiName
    )
{
    ANSI_STRING ansi;
    UNICODE_STRING name;
    NTSTATUS status;

    PAGED_CODE();

    RtlInitAnsiString(&ansi, AnsiName);

    status = RtlAnsiStringToUnicodeString(&name, &ansi, TRUE); // expect: PT001
    if (!NT_SUCCESS(status)) {
        return status;
    }

    if (!RtlPrefixUnicodeString(&DevExt->AllowedPrefix, &name, TRUE)) {
        return STATUS_OBJECT_NAME_NOT_FOUND;
    }

    DevExt->MatchCount++;
    RtlFreeUnicodeString(&name);
    return STATUS_SUCCESS;
}
