// stats.c - once a second the NDIS timer object's TimerFunction (a DPC)
// snapshots the flow table.
#include "lwf.h"

_Use_decl_annotations_
VOID
MonSnapshotStats(
    VOID
    )
{
    PMON_FLOW snapshot;
    ULONG64 total = 0;
    ULONG i;

    snapshot = (PMON_FLOW)ExAllocatePoolWithQuotaTag( // expect: PT003
        NonPagedPoolNx | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, MON_FLOW_SLOTS * sizeof(MON_FLOW), MON_TAG_SNAP);
    if (snapshot == NULL) {
        return;
    }
    NdisAcquireSpinLock(&g_Mon.Lock);
    if (g_Mon.Flows != NULL) {
        NdisMoveMemory(snapshot, g_Mon.Flows, MON_FLOW_SLOTS * sizeof(MON_FLOW));
    } else {
        NdisZeroMemory(snapshot, MON_FLOW_SLOTS * sizeof(MON_FLOW));
    }
    NdisReleaseSpinLock(&g_Mon.Lock);

    for (i = 0; i < MON_FLOW_SLOTS; i++) {
        total += snapshot[i].Packets;
    }
    g_Mon.LastTotal = total;
    ExFreePoolWithTag(snapshot, MON_TAG_SNAP);
}

_Use_decl_annotations_
VOID
MonStatsTimer(
    PVOID SystemSpecific1,
    PVOID FunctionContext,
    PVOID SystemSpecific2,
    PVOID SystemSpecific3
    )
{
    UNREFERENCED_PARAMETER(SystemSpecific1);
    UNREFERENCED_PARAMETER(FunctionContext);
    UNREFERENCED_PARAMETER(SystemSpecific2);
    UNREFERENCED_PARAMETER(SystemSpecific3);
    MonSnapshotStats();
}
