// rx.c - the receive DPC moves frames from the ring into indications queued
// on the device extension for readers (the read path is not shown).
#include "nic.h"

_Use_decl_annotations_
VOID
NicRxDpc(
    PKDPC Dpc,
    PVOID DeferredContext,
    PVOID SystemArgument1,
    PVOID SystemArgument2
    )
{
    PNIC_EXTENSION ext = (PNIC_EXTENSION)DeferredContext;
    PNIC_INDICATION indication;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    for (;;) {
        indication = (PNIC_INDICATION)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(NIC_INDICATION), NIC_TAG_IND); // expect: PT002
        if (indication == NULL) {
            break;
        }
        KeAcquireSpinLockAtDpcLevel(&ext->Lock);
        indication->Length = RingRead(&ext->RxRing, indication->Frame, NIC_MAX_FRAME);
        if (indication->Length == 0) {
            KeReleaseSpinLockFromDpcLevel(&ext->Lock);
            ExFreePoolWithTag(indication, NIC_TAG_IND);
            break;
        }
        InsertTailList(&ext->Indications, &indication->Link);
        ext->IndicationCount++;
        KeReleaseSpinLockFromDpcLevel(&ext->Lock);
    }
}
