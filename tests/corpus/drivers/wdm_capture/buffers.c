// buffers.c - the device extension's buffers and event list.
#include "capture.h"

_Use_decl_annotations_
NTSTATUS
CapAllocateBuffers(
    PCAP_EXTENSION Ext
    )
{
    Ext->Ring = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, CAP_RING_BYTES, CAP_TAG_RING);
    if (Ext->Ring == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Ext->RingHead = 0;

    Ext->Stats = (PCAP_STATS)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(CAP_STATS), CAP_TAG_STATS); // expect: PT002
    if (Ext->Stats == NULL) {
        ExFreePoolWithTag(Ext->Ring, CAP_TAG_RING);
        Ext->Ring = NULL;
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return STATUS_SUCCESS;
}

// Called from CapUnload and from DriverEntry's failure path.  Forgets Stats.
_Use_decl_annotations_
VOID
CapFreeBuffers(
    PCAP_EXTENSION Ext
    )
{
    PLIST_ENTRY link;

    while (!IsListEmpty(&Ext->Events)) {
        link = RemoveHeadList(&Ext->Events);
        ExFreePoolWithTag(CONTAINING_RECORD(link, CAP_EVENT, Link), CAP_TAG_EVENT);
    }
    Ext->EventCount = 0;

    if (Ext->Ring != NULL) {
        ExFreePoolWithTag(Ext->Ring, CAP_TAG_RING);
        Ext->Ring = NULL;
    }
}

_Use_decl_annotations_
VOID
CapRecordEvent(
    PCAP_EXTENSION Ext,
    ULONG Code
    )
{
    PCAP_EVENT event;
    KIRQL oldIrql;

    event = (PCAP_EVENT)ExAllocatePool2(CAP_EVENT_POOL_FLAGS, sizeof(CAP_EVENT), CAP_TAG_EVENT); // expect: PT003
    if (event == NULL) {
        return;
    }
    KeQuerySystemTime(&event->Time);
    event->Code = Code;

    KeAcquireSpinLock(&Ext->Lock, &oldIrql);
    if (Ext->EventCount < CAP_MAX_EVENTS) {
        InsertTailList(&Ext->Events, &event->Link);
        Ext->EventCount++;
        event = NULL;
    }
    KeReleaseSpinLock(&Ext->Lock, oldIrql);

    if (event != NULL) {
        ExFreePoolWithTag(event, CAP_TAG_EVENT);
    }
}
