// PT001 positive: capturing a METHOD_NEITHER user buffer; the __except handler
// returns the exception code without freeing the kernel copy.
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

    *Captured = NULL;

    if (Irp->RequestorMode != UserMode) {
        *Captured = userBuffer;
        return STATUS_SUCCESS;
    }
    if (InputLength == 0 || InputLength > MAX_CAPTURE) {
        return STATUS_INVALID_PARAMETER;
    }

    kernelCopy = ExAllocatePoolWithQuotaTag(NonPagedPoolNx | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, // expect: PT001
                                            InputLength,
                                            CAPTURE_TAG);
    if (kernelCopy == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    __try {
        ProbeForRead(userBuffer, InputLength, sizeof(UCHAR));
        RtlCopyMemory(kernelCopy, userBuffer, InputLength);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }

    *Captured = kernelCopy;
    return STATUS_SUCCESS;
}
