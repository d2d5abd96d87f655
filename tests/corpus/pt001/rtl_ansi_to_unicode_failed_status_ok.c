// PT001 negative: when the allocating conversion fails nothing was allocated,
// so returning on !NT_SUCCESS is fine; the success paths free the string.
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

    status = RtlAnsiStringToUnicodeString(&name, &ansi, TRUE);
    if (!NT_SUCCESS(status)) {
        DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL,
                   "CheckAnsiObjectName: conversion failed 0x%08x\n", status);
        return status;
    }

    if (RtlPrefixUnicodeString(&DevExt->AllowedPrefix, &name, TRUE)) {
        DevExt->MatchCount++;
        status = STATUS_SUCCESS;
    } else {
        status = STATUS_OBJECT_NAME_NOT_FOUND;
    }

    RtlFreeUnicodeString(&name);
    return status;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
BOOLEAN
AnsiNameHasPrefix(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_z_ PCSZ AnsiName
    )
{
    ANSI_STRING ansi;
    UNICODE_STRING name;
    BOOLEAN match;

    PAGED_CODE();

    RtlInitAnsiString(&ansi, AnsiName);
    if (!NT_SUCCESS(RtlAnsiStringToUnicodeString(&name, &ansi, TRUE))) {
        return FALSE;
    }

    match = RtlPrefixUnicodeString(&DevExt->AllowedPrefix, &name, TRUE);
    RtlFreeUnicodeString(&name);
    return match;
}
