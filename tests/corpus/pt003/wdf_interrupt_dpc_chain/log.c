// log.c - outlier logging.
#include "accel.h"

_Use_decl_annotations_
VOID
AccLogOutlier(
    PDEVICE_CONTEXT DevCtx,
    PACC_SAMPLE Sample
    )
{
    PACC_OUTLIER_RECORD record;

    record = (PACC_OUTLIER_RECORD)ExAllocatePoolWithQuotaTag( // expect: PT003
        NonPagedPoolNx | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, sizeof(ACC_OUTLIER_RECORD), ACC_LOG_TAG);
    if (record == NULL) {
        return;
    }
    KeQuerySystemTime(&record->Time);
    record->Sample = *Sample;
    DevCtx->Outliers++;
    RtlCopyMemory(&DevCtx->LastOutlier, record, sizeof(ACC_OUTLIER_RECORD));
    ExFreePoolWithTag(record, ACC_LOG_TAG);
}
