// PT001 negative (near-miss of pool_second_alloc_failure_leak.c): the first
// buffer is released when the second allocation fails.
#include <ntddk.h>

#define XFER_TAG 'frXT'

typedef struct _TRANSFER {
    PVOID Header;
    PVOID Payload;
    ULONG PayloadLength;
} TRANSFER, *PTRANSFER;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
PrepareTransfer(
    _Out_ PTRANSFER Transfer,
    _In_ ULONG HeaderLength,
    _In_ ULONG PayloadLength
    )
{
    PVOID header;
    PVOID payload;

    RtlZeroMemory(Transfer, sizeof(TRANSFER));

    header = ExAllocatePoolWithTag(NonPagedPoolNx, HeaderLength, XFER_TAG);
    if (header == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    payload = ExAllocatePoolWithTag(NonPagedPoolNx, PayloadLength, XFER_TAG);
    if (payload == NULL) {
        ExFreePoolWithTag(header, XFER_TAG);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    RtlZeroMemory(header, HeaderLength);
    Transfer->Header = header;
    Transfer->Payload = payload;
    Transfer->PayloadLength = PayloadLength;
    return STATUS_SUCCESS;
}
