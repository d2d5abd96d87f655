// PT006 positive: a quota-charged capture buffer (ExAllocatePoolWithQuotaTag
// with CP_CAPTURE_TAG) freed with CP_SCRATCH_TAG.
#include <ntddk.h>

#define CP_CAPTURE_TAG 'pCpC'
#define CP_SCRATCH_TAG 'rSpC'

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
CpCaptureUserBlock(
    _In_reads_bytes_(Length) PVOID UserBlock,
    _In_ ULONG Length,
    _Out_ PULONG Sum
    )
{
    PUCHAR capture;
    NTSTATUS status = STATUS_SUCCESS;
    ULONG i;

    *Sum = 0;
    capture = (PUCHAR)ExAllocatePoolWithQuotaTag(PagedPool | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE,
                                                 Length, CP_CAPTURE_TAG);
    if (capture == NULL) {
        return STATUS_QUOTA_EXCEEDED;
    }
    __try {
        ProbeForRead(UserBlock, Length, sizeof(UCHAR));
        RtlCopyMemory(capture, UserBlock, Length);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }
    if (NT_SUCCESS(status)) {
        for (i = 0; i < Length; i++) {
            *Sum += capture[i];
        }
    }
    ExFreePoolWithTag(capture, CP_SCRATCH_TAG); // expect: PT006
    return status;
}
