// history.c - CxRecordEvent is called from the IOCTL path (a quota charge to
// the requesting process is right there) and from CxCompletionDpc (where it
// is not): one caller in a DPC is enough for the finding.
#include "cx.h"

_Use_decl_annotations_
VOID
CxRecordEvent(
    PCX_EXTENSION Ext,
    ULONG Code
    )
{
    PCX_EVENT event;
    KIRQL oldIrql;

    event = (PCX_EVENT)ExAllocatePoolWithQuotaTag(NonPagedPoolNx | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, // expect: PT003
                                                  sizeof(CX_EVENT), CX_TAG);
    if (event == NULL) {
        return;
    }
    event->Code = Code;
    KeQuerySystemTime(&event->Time);

    KeAcquireSpinLock(&Ext->HistoryLock, &oldIrql);
    Ext->History[Ext->Next] = *event;
    Ext->Next = (Ext->Next + 1) % CX_HISTORY;
    KeReleaseSpinLock(&Ext->HistoryLock, oldIrql);

    ExFreePoolWithTag(event, CX_TAG);
}
