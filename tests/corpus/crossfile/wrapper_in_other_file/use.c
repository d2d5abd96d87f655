// The caller side of pkt.c: one leak on an error path, one clean use.
#include <ntddk.h>
#include "pkt.h"

NTSTATUS
SendProbe(_In_ PDEVICE_OBJECT Target, _In_ ULONG Length)
{
    PPKT pkt = PktAllocate(Length); // expect: PT001
    if (pkt == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Length > 512) {
        return STATUS_INVALID_PARAMETER;
    }
    return PktSend(Target, pkt);
}

NTSTATUS
SendChecked(_In_ PDEVICE_OBJECT Target, _In_ ULONG Length)
{
    PPKT pkt;
    if (Length > 512) {
        return STATUS_INVALID_PARAMETER;
    }
    pkt = PktAllocate(Length);
    if (pkt == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return PktSend(Target, pkt);
}
