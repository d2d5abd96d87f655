// PT001 positive: a DPC routine allocates with ExAllocatePoolWithTagPriority;
// the spurious-interrupt path returns without freeing the sample buffer.
#include <wdm.h>

#define SMP_TAG 'pmSD'
#define SAMPLE_COUNT 16

typedef struct _DEVICE_EXTENSION {
    volatile ULONG *SampleRegister;
    volatile ULONG *InterruptStatus;
    ULONG RunningSum;
    ULONG SampleBatches;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

#define INT_STATUS_SAMPLES_READY 0x1

KDEFERRED_ROUTINE SampleDpcRoutine;

_Use_decl_annotations_
VOID
SampleDpcRoutine(
    PKDPC Dpc,
    PVOID DeferredContext,
    PVOID SystemArgument1,
    PVOID SystemArgument2
    )
{
    PDEVICE_EXTENSION devExt = (PDEVICE_EXTENSION)DeferredContext;
    PULONG samples;
    ULONG i;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    samples = (PULONG)ExAllocatePoolWithTagPriority(NonPagedPoolNx, // expect: PT001
                                                    SAMPLE_COUNT * sizeof(ULONG),
                                                    SMP_TAG,
                                                    HighPoolPriority);
    if (samples == NULL) {
        return;
    }

    if ((READ_REGISTER_ULONG((PULONG)devExt->InterruptStatus) & INT_STATUS_SAMPLES_READY) == 0) {
        // spurious
        return;
    }

    for (i = 0; i < SAMPLE_COUNT; i++) {
        samples[i] = READ_REGISTER_ULONG((PULONG)devExt->SampleRegister);
    }
    for (i = 0; i < SAMPLE_COUNT; i++) {
        devExt->RunningSum += samples[i];
    }
    devExt->SampleBatches++;

    ExFreePoolWithTag(samples, SMP_TAG);
}
