// PT001 negative (near-miss of rtl_unicode_to_ansi_leak.c): the too-long path
// frees the ANSI string; a second function converts into a caller buffer
// (FALSE), which allocates nothing.
#include <ntddk.h>

#define MAX_MODEL_CHARS 24

typedef struct _DEVICE_EXTENSION {
    CHAR ModelName[MAX_MODEL_CHARS + 1];
    USHORT ModelNameLength;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
SetModelName(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ PCUNICODE_STRING Model
    )
{
    ANSI_STRING ansi;
    NTSTATUS status;

    PAGED_CODE();

    status = RtlUnicodeStringToAnsiString(&ansi, Model, TRUE);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    if (ansi.Length > MAX_MODEL_CHARS) {
        KdPrint(("SetModelName: %u characters is too long\n", ansi.Length));
        RtlFreeAnsiString(&ansi);
        return STATUS_NAME_TOO_LONG;
    }

    RtlZeroMemory(DevExt->ModelName, sizeof(DevExt->ModelName));
    RtlCopyMemory(DevExt->ModelName, ansi.Buffer, ansi.Length);
    DevExt->ModelNameLength = ansi.Length;

    RtlFreeAnsiString(&ansi);
    return STATUS_SUCCESS;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
SetModelNameInPlace(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ PCUNICODE_STRING Model
    )
{
    ANSI_STRING ansi;
    NTSTATUS status;

    PAGED_CODE();

    RtlZeroMemory(DevExt->ModelName, sizeof(DevExt->ModelName));
    ansi.Buffer = DevExt->ModelName;
    ansi.Length = 0;
    ansi.MaximumLength = MAX_MODEL_CHARS;

    status = RtlUnicodeStringToAnsiString(&ansi, Model, FALSE);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    DevExt->ModelNameLength = ansi.Length;
    return STATUS_SUCCESS;
}
