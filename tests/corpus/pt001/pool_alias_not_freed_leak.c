// PT001 positive (near-miss of pool_alias_freed_ok.c): the buffer is reached
// through an alias, but the early-out path frees neither name.
#include <ntddk.h>

#define PKT_TAG 'tkPN'
#define PKT_TYPE_CONTROL 1

typedef struct _PACKET_HEADER {
    USHORT Type;
    USHORT Length;
} PACKET_HEADER, *PPACKET_HEADER;

typedef struct _DEVICE_EXTENSION {
    UCHAR ControlShadow[64];
    ULONG DroppedControl;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
ShadowControlPacket(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_ USHORT Type,
    _In_ USHORT Length
    )
{
    PVOID raw;
    PPACKET_HEADER header;

    raw = ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(PACKET_HEADER) + Length, PKT_TAG); // expect: PT001
    if (raw == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    header = (PPACKET_HEADER)raw;
    RtlZeroMemory(header, sizeof(PACKET_HEADER) + Length);
    header->Type = Type;
    header->Length = Length;

    if (Type != PKT_TYPE_CONTROL || sizeof(PACKET_HEADER) + Length > sizeof(DevExt->ControlShadow)) {
        DevExt->DroppedControl++;
        return STATUS_NOT_SUPPORTED;
    }

    RtlCopyMemory(DevExt->ControlShadow, header, sizeof(PACKET_HEADER) + Length);
    ExFreePoolWithTag(raw, PKT_TAG);
    return STATUS_SUCCESS;
}
