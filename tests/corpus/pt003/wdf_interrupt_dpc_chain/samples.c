// samples.c - sample processing.
#include "accel.h"

static
BOOLEAN
AccIsOutlier(
    _In_ PACC_SAMPLE Sample
    )
{
    return (Sample->X > ACC_OUTLIER || Sample->X < -ACC_OUTLIER ||
            Sample->Y > ACC_OUTLIER || Sample->Y < -ACC_OUTLIER ||
            Sample->Z > ACC_OUTLIER || Sample->Z < -ACC_OUTLIER);
}

_Use_decl_annotations_
VOID
AccProcessSamples(
    PDEVICE_CONTEXT DevCtx,
    ULONG Count
    )
{
    ULONG i;

    for (i = 0; i < Count && i < ACC_FIFO_DEPTH; i++) {
        if (AccIsOutlier(&DevCtx->Fifo[i])) {
            AccLogOutlier(DevCtx, &DevCtx->Fifo[i]);
        }
    }
}
