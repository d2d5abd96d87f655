// PT006 negative: the same macro on both sides for one buffer, and a plain
// ExFreePool (no tag to compare) for another.
#include <ntddk.h>

#define PK_TAG 'tkPP'

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
PkSplitPacket(
    _In_reads_bytes_(Length) const UCHAR *Packet,
    _In_ ULONG Length,
    _In_ ULONG HeaderLength,
    _Out_ PULONG PayloadSum
    )
{
    PUCHAR header;
    PUCHAR payload;
    ULONG i;

    *PayloadSum = 0;
    if (HeaderLength > Length) {
        return STATUS_INVALID_PARAMETER;
    }
    header = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, HeaderLength, PK_TAG);
    if (header == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    payload = (PUCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, Length - HeaderLength, PK_TAG);
    if (payload == NULL) {
        ExFreePoolWithTag(header, PK_TAG);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(header, Packet, HeaderLength);
    RtlCopyMemory(payload, Packet + HeaderLength, Length - HeaderLength);
    for (i = 0; i < Length - HeaderLength; i++) {
        *PayloadSum += payload[i];
    }
    ExFreePool(payload);
    ExFreePoolWithTag(header, PK_TAG);
    return STATUS_SUCCESS;
}
