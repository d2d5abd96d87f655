// PT001 positive: do { ... } while (FALSE) with break-to-cleanup; the
// cleanup after the loop frees the key buffer but not the value buffer.
#include <ntddk.h>

#define REG_TAG 'geRS'

typedef struct _SETTINGS {
    ULONG PollIntervalMs;
    ULONG QueueDepth;
} SETTINGS, *PSETTINGS;

static
NTSTATUS
DecodeSettings(
    _In_reads_bytes_(Length) const UCHAR *Raw,
    _In_ ULONG Length,
    _Out_ PSETTINGS Settings
    )
{
    if (Length < sizeof(SETTINGS)) {
        return STATUS_INVALID_PARAMETER;
    }
    RtlCopyMemory(Settings, Raw, sizeof(SETTINGS));
    return STATUS_SUCCESS;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
LoadSettingsBlob(
    _In_reads_bytes_(BlobLength) const UCHAR *Blob,
    _In_ ULONG BlobLength,
    _Out_ PSETTINGS Settings
    )
{
    NTSTATUS status = STATUS_SUCCESS;
    PUCHAR keyCopy = NULL;
    PUCHAR valueCopy = NULL;

    PAGED_CODE();

    do {
        keyCopy = (PUCHAR)ExAllocatePoolWithTag(PagedPool, 16, REG_TAG);
        if (keyCopy == NULL) {
            status = STATUS_INSUFFICIENT_RESOURCES;
            break;
        }
        RtlZeroMemory(keyCopy, 16);

        valueCopy = (PUCHAR)ExAllocatePoolWithTag(PagedPool, BlobLength, REG_TAG); // expect: PT001
        if (valueCopy == NULL) {
            status = STATUS_INSUFFICIENT_RESOURCES;
            break;
        }
        RtlCopyMemory(valueCopy, Blob, BlobLength);

        status = DecodeSettings(valueCopy, BlobLength, Settings);
        if (!NT_SUCCESS(status)) {
            break;
        }

        ExFreePoolWithTag(valueCopy, REG_TAG);
        valueCopy = NULL;
    } while (FALSE);

    if (keyCopy != NULL) {
        ExFreePoolWithTag(keyCopy, REG_TAG);
    }
    return status;
}
