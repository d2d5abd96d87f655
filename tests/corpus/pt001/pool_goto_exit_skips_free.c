// PT001 positive: two cleanup labels; an error path jumps to Exit, which is
// past the Cleanup label that frees the buffer.
#include <ntddk.h>

#define RPT_TAG 'tpRD'

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT LowerDevice;
    ULONG ReportLength;
    UCHAR LastReport[64];
    KSPIN_LOCK Lock;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

static
NTSTATUS
ValidateReport(
    _In_reads_bytes_(Length) PUCHAR Report,
    _In_ ULONG Length
    )
{
    if (Length == 0 || Report[0] == 0) {
        return STATUS_INVALID_DEVICE_REQUEST;
    }
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
CacheReport(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_reads_bytes_(Length) PUCHAR Report,
    _In_ ULONG Length
    )
{
    NTSTATUS status;
    PUCHAR scratch = NULL;
    KIRQL irql;

    if (Length > sizeof(DevExt->LastReport)) {
        status = STATUS_BUFFER_OVERFLOW;
        goto Exit;
    }

    scratch = ExAllocatePoolWithTag(NonPagedPoolNx, Length, RPT_TAG); // expect: PT001
    if (scratch == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Exit;
    }

    RtlCopyMemory(scratch, Report, Length);

    if (DevExt->LowerDevice == NULL) {
        status = STATUS_DEVICE_NOT_CONNECTED;
        goto Cleanup;
    }

    status = ValidateReport(scratch, Length);
    if (!NT_SUCCESS(status)) {
        goto Exit;          // skips the Cleanup label below
    }

    KeAcquireSpinLock(&DevExt->Lock, &irql);
    RtlCopyMemory(DevExt->LastReport, scratch, Length);
    DevExt->ReportLength = Length;
    KeReleaseSpinLock(&DevExt->Lock, irql);

Cleanup:
    ExFreePoolWithTag(scratch, RPT_TAG);

Exit:
    return status;
}
