// attach.c - module attach/detach.  The flow table is shared by all modules:
// allocated by the first FilterAttach, freed by the last FilterDetach.  The
// drop log was added later and only ever allocated.
#include "lwf.h"

static
NDIS_STATUS
MonAllocateShared(
    VOID
    )
{
    NdisAcquireSpinLock(&g_Mon.Lock);
    if (g_Mon.Flows == NULL) {
        g_Mon.Flows = (PMON_FLOW)ExAllocatePool2(POOL_FLAG_NON_PAGED,
                                                 MON_FLOW_SLOTS * sizeof(MON_FLOW), MON_TAG_FLOWS);
    }
    if (g_Mon.DropLog == NULL) {
        g_Mon.DropLog = (PULONG)ExAllocatePool2(POOL_FLAG_NON_PAGED, MON_DROP_LOG * sizeof(ULONG), MON_TAG_DROPS); // expect: PT002
    }
    if (g_Mon.Flows == NULL || g_Mon.DropLog == NULL) {
        NdisReleaseSpinLock(&g_Mon.Lock);
        return NDIS_STATUS_RESOURCES;
    }
    g_Mon.Modules++;
    NdisReleaseSpinLock(&g_Mon.Lock);
    return NDIS_STATUS_SUCCESS;
}

static
VOID
MonReleaseShared(
    VOID
    )
{
    NdisAcquireSpinLock(&g_Mon.Lock);
    if (--g_Mon.Modules == 0 && g_Mon.Flows != NULL) {
        ExFreePoolWithTag(g_Mon.Flows, MON_TAG_FLOWS);
        g_Mon.Flows = NULL;
    }
    NdisReleaseSpinLock(&g_Mon.Lock);
}

_Use_decl_annotations_
NDIS_STATUS
MonAttach(
    NDIS_HANDLE NdisFilterHandle,
    NDIS_HANDLE FilterDriverContext,
    PNDIS_FILTER_ATTACH_PARAMETERS AttachParameters
    )
{
    NDIS_FILTER_ATTRIBUTES attributes;
    PMON_MODULE module;
    NDIS_STATUS status;

    UNREFERENCED_PARAMETER(FilterDriverContext);

    module = (PMON_MODULE)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(MON_MODULE), MON_TAG_MODULE);
    if (module == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    module->FilterHandle = NdisFilterHandle;
    module->MiniportIfIndex = AttachParameters->BaseMiniportIfIndex;
    module->Running = FALSE;

    status = MonAllocateShared();
    if (status != NDIS_STATUS_SUCCESS) {
        ExFreePoolWithTag(module, MON_TAG_MODULE);
        return status;
    }

    NdisZeroMemory(&attributes, sizeof(attributes));
    attributes.Header.Revision = NDIS_FILTER_ATTRIBUTES_REVISION_1;
    attributes.Header.Size = sizeof(attributes);
    attributes.Header.Type = NDIS_OBJECT_TYPE_FILTER_ATTRIBUTES;
    status = NdisFSetAttributes(NdisFilterHandle, module, &attributes);
    if (status != NDIS_STATUS_SUCCESS) {
        MonReleaseShared();
        ExFreePoolWithTag(module, MON_TAG_MODULE);
    }
    return status;
}

_Use_decl_annotations_
VOID
MonDetach(
    NDIS_HANDLE FilterModuleContext
    )
{
    MonReleaseShared();
    ExFreePoolWithTag(FilterModuleContext, MON_TAG_MODULE);
}

_Use_decl_annotations_
NDIS_STATUS
MonRestart(
    NDIS_HANDLE FilterModuleContext,
    PNDIS_FILTER_RESTART_PARAMETERS RestartParameters
    )
{
    UNREFERENCED_PARAMETER(RestartParameters);
    ((PMON_MODULE)FilterModuleContext)->Running = TRUE;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
MonPause(
    NDIS_HANDLE FilterModuleContext,
    PNDIS_FILTER_PAUSE_PARAMETERS PauseParameters
    )
{
    UNREFERENCED_PARAMETER(PauseParameters);
    ((PMON_MODULE)FilterModuleContext)->Running = FALSE;
    return NDIS_STATUS_SUCCESS;
}
