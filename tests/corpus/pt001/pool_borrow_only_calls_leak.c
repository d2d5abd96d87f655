// PT001 positive: the buffer is only passed to routines that borrow it
// (RtlZeroMemory, memcpy, RtlCompareMemory, DbgPrintEx), none of which keep it.
#include <ntddk.h>

#define KEY_TAG 'yeKC'
#define KEY_BYTES 32

typedef struct _DEVICE_EXTENSION {
    UCHAR ProvisionedKey[KEY_BYTES];
    BOOLEAN KeyValid;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
VerifyKey(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_reads_bytes_(KEY_BYTES) const UCHAR *Candidate
    )
{
    PUCHAR work;
    SIZE_T same;

    work = (PUCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, KEY_BYTES, KEY_TAG); // expect: PT001
    if (work == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    RtlZeroMemory(work, KEY_BYTES);
    memcpy(work, Candidate, KEY_BYTES);
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_TRACE_LEVEL, "VerifyKey: work buffer %p\n", work);

    same = RtlCompareMemory(work, DevExt->ProvisionedKey, KEY_BYTES);
    if (same != KEY_BYTES) {
        return STATUS_ACCESS_DENIED;
    }

    RtlSecureZeroMemory(work, KEY_BYTES);
    ExFreePoolWithTag(work, KEY_TAG);
    DevExt->KeyValid = TRUE;
    return STATUS_SUCCESS;
}
