#pragma once
typedef struct _PKT {
    ULONG Length;
    UCHAR Data[1];
} PKT, *PPKT;

PPKT PktAllocate(_In_ ULONG Length);
NTSTATUS PktSend(_In_ PDEVICE_OBJECT Target, _In_ PPKT Pkt);
