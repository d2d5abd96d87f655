// PT001 positive: RtlUnicodeStringToAnsiString(..., TRUE) allocates the ANSI
// buffer; a length check after the conversion returns without RtlFreeAnsiString.
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

    status = RtlUnicodeStringToAnsiString(&ansi, Model, TRUE); // expect: PT001
    if (!NT_SUCCESS(status)) {
        return status;
    }

    if (ansi.Length > MAX_MODEL_CHARS) {
        KdPrint(("SetModelName: %u characters is too long\n", ansi.Length));
        return STATUS_NAME_TOO_LONG;
    }

    RtlZeroMemory(DevExt->ModelName, sizeof(DevExt->ModelName));
    RtlCopyMemory(DevExt->ModelName, ansi.Buffer, ansi.Length);
    DevExt->ModelNameLength = ansi.Length;

    RtlFreeAnsiString(&ansi);
    return STATUS_SUCCESS;
}
