// PT001 negative: the allocation is freed through a second variable that
// aliases it (and, in the second function, through a casted alias).
#include <ntddk.h>

#define PKT_TAG 'tkPN'

typedef struct _PACKET_HEADER {
    USHORT Type;
    USHORT Length;
} PACKET_HEADER, *PPACKET_HEADER;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
BuildAndDropPacket(
    _In_ USHORT Type,
    _In_ USHORT Length
    )
{
    PVOID raw;
    PPACKET_HEADER header;

    raw = ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(PACKET_HEADER) + Length, PKT_TAG);
    if (raw == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    header = (PPACKET_HEADER)raw;
    header->Type = Type;
    header->Length = Length;

    ExFreePoolWithTag(header, PKT_TAG);
    return STATUS_SUCCESS;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
ScrubScratch(
    _In_ SIZE_T Size
    )
{
    PUCHAR scratch = (PUCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, Size, PKT_TAG);
    PVOID toFree;

    if (scratch == NULL) {
        return;
    }
    RtlSecureZeroMemory(scratch, Size);
    toFree = (PVOID)scratch;
    scratch = NULL;
    ExFreePool(toFree);
}
