// dpc.c - the sampling timer's DPC (registered with KeInitializeDpc in
// DriverEntry and queued by KeSetTimerEx).
#include "capture.h"

#define CAP_EVENT_OVERRUN 1

_Use_decl_annotations_
VOID
CapSampleDpc(
    PKDPC Dpc,
    PVOID DeferredContext,
    PVOID SystemArgument1,
    PVOID SystemArgument2
    )
{
    PCAP_EXTENSION ext = (PCAP_EXTENSION)DeferredContext;
    BOOLEAN overrun;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    KeAcquireSpinLockAtDpcLevel(&ext->Lock);
    ext->Ring[ext->RingHead] = (UCHAR)KeQueryInterruptTime();
    ext->RingHead = (ext->RingHead + 1) % CAP_RING_BYTES;
    overrun = (ext->RingHead == 0);
    ext->Stats->Samples++;
    if (overrun) {
        ext->Stats->Overruns++;
    }
    KeReleaseSpinLockFromDpcLevel(&ext->Lock);

    if (overrun) {
        CapRecordEvent(ext, CAP_EVENT_OVERRUN);
    }
}
