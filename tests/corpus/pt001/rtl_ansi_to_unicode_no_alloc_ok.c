// PT001 negative (near-miss of rtl_ansi_to_unicode_leak.c): with FALSE as the
// third argument the conversion writes into a caller buffer and allocates
// nothing, so the early return leaks nothing.
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
    WCHAR nameBuffer[128];
    NTSTATUS status;

    PAGED_CODE();

    RtlInitAnsiString(&ansi, AnsiName);
    RtlInitEmptyUnicodeString(&name, nameBuffer, sizeof(nameBuffer));

    status = RtlAnsiStringToUnicodeString(&name, &ansi, FALSE);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    if (!RtlPrefixUnicodeString(&DevExt->AllowedPrefix, &name, TRUE)) {
        return STATUS_OBJECT_NAME_NOT_FOUND;
    }

    DevExt->MatchCount++;
    return STATUS_SUCCESS;
}
