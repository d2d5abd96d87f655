// filter.c - findings of this driver:
//   attach.c  PT002  the drop log is allocated on first attach, never freed
//   stats.c   PT003  the statistics timer (an NDIS timer object: a DPC)
//                    snapshots into quota-charged pool
#include "lwf.h"

MON_GLOBALS g_Mon;

_Use_decl_annotations_
VOID
MonUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    if (g_Mon.StatsTimer != NULL) {
        NdisCancelTimerObject(g_Mon.StatsTimer);
        NdisFreeTimerObject(g_Mon.StatsTimer);
        g_Mon.StatsTimer = NULL;
    }
    NdisFDeregisterFilterDriver(g_Mon.FilterDriverHandle);
    if (g_Mon.Flows != NULL) {          // a failed first attach can leave it behind
        ExFreePoolWithTag(g_Mon.Flows, MON_TAG_FLOWS);
        g_Mon.Flows = NULL;
    }
    NdisFreeSpinLock(&g_Mon.Lock);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NDIS_FILTER_DRIVER_CHARACTERISTICS fchars;
    NDIS_TIMER_CHARACTERISTICS timerChars;
    LARGE_INTEGER due;
    NDIS_STATUS status;
    NDIS_STRING friendlyName = RTL_CONSTANT_STRING(L"Pooltrack Flow Monitor");
    NDIS_STRING uniqueName = RTL_CONSTANT_STRING(L"{0f4a3c1e-8d3b-4a52-9e11-6c0b7d2f9a41}");
    NDIS_STRING serviceName = RTL_CONSTANT_STRING(L"ptmon");

    UNREFERENCED_PARAMETER(RegistryPath);

    NdisAllocateSpinLock(&g_Mon.Lock);

    NdisZeroMemory(&fchars, sizeof(fchars));
    fchars.Header.Type = NDIS_OBJECT_TYPE_FILTER_DRIVER_CHARACTERISTICS;
    fchars.Header.Size = NDIS_SIZEOF_FILTER_DRIVER_CHARACTERISTICS_REVISION_2;
    fchars.Header.Revision = NDIS_FILTER_CHARACTERISTICS_REVISION_2;
    fchars.MajorNdisVersion = NDIS_FILTER_MAJOR_VERSION;
    fchars.MinorNdisVersion = NDIS_FILTER_MINOR_VERSION;
    fchars.FriendlyName = friendlyName;
    fchars.UniqueName = uniqueName;
    fchars.ServiceName = serviceName;
    fchars.AttachHandler = MonAttach;
    fchars.DetachHandler = MonDetach;
    fchars.RestartHandler = MonRestart;
    fchars.PauseHandler = MonPause;

    DriverObject->DriverUnload = MonUnload;
    status = NdisFRegisterFilterDriver(DriverObject, (NDIS_HANDLE)DriverObject, &fchars,
                                       &g_Mon.FilterDriverHandle);
    if (status != NDIS_STATUS_SUCCESS) {
        NdisFreeSpinLock(&g_Mon.Lock);
        return (NTSTATUS)status;
    }

    NdisZeroMemory(&timerChars, sizeof(timerChars));
    timerChars.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
    timerChars.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
    timerChars.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
    timerChars.AllocationTag = MON_TAG_SNAP;
    timerChars.TimerFunction = MonStatsTimer;
    timerChars.FunctionContext = &g_Mon;
    status = NdisAllocateTimerObject(g_Mon.FilterDriverHandle, &timerChars, &g_Mon.StatsTimer);
    if (status == NDIS_STATUS_SUCCESS) {
        due.QuadPart = -10000LL * MON_STATS_MS;
        NdisSetTimerObject(g_Mon.StatsTimer, due, MON_STATS_MS, NULL);
    }
    return STATUS_SUCCESS;
}
