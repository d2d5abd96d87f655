// clang PT001 negative: allocation and release both go through macros, and
// every path releases.
#include <ntddk.h>

#define BUF_TAG 'fuBP'
#define ALLOC_BUF(size) ExAllocatePoolZero(NonPagedPoolNx, (size), BUF_TAG)
#define FREE_BUF(p) ExFreePoolWithTag((p), BUF_TAG)

NTSTATUS
CopyIn(
    _In_reads_bytes_(Length) PVOID Data,
    _In_ ULONG Length
    )
{
    PUCHAR buf = ALLOC_BUF(Length);

    if (buf == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Length == 0) {
        FREE_BUF(buf);
        return STATUS_INVALID_PARAMETER;
    }
    RtlCopyMemory(buf, Data, Length);
    FREE_BUF(buf);
    return STATUS_SUCCESS;
}
