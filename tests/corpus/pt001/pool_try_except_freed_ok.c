// PT001 negative (near-miss of pool_try_except_return_leak.c): the __except
// handler records the status and the copy is freed before returning it.
#include <ntddk.h>

#define CAPTURE_TAG 'pacU'
#define MAX_CAPTURE (16 * 1024)

_Use_decl_annotations_
NTSTATUS
CaptureUserRequest(
    _In_ PIRP Irp,
    _In_ ULONG InputLength,
    _Outptr_result_bytebuffer_(InputLength) PVOID *Captured
    )
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PVOID userBuffer = stack->Parameters.DeviceIoControl.Type3InputBuffer;
    PVOID kernelCopy;
    NTSTATUS status = STATUS_SUCCESS;

    *Captured = NULL;

    if (Irp->RequestorMode != UserMode) {
        *Captured = userBuffer;
        return STATUS_SUCCESS;
    }
    if (InputLength == 0 || InputLength > MAX_CAPTURE) {
        return STATUS_INVALID_PARAMETER;
    }

    kernelCopy = ExAllocatePoolWithQuotaTag(NonPagedPoolNx | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE,
                                            InputLength,
                                            CAPTURE_TAG);
    if (kernelCopy == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    __try {
        ProbeForRead(userBuffer, InputLength, sizeof(UCHAR));
        RtlCopyMemory(kernelCopy, userBuffer, InputLength);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }

    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(kernelCopy, CAPTURE_TAG);
        return status;
    }

    *Captured = kernelCopy;
    return STATUS_SUCCESS;
}
