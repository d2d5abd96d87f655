// PT002 negative: an NDIS lightweight filter allocates a per-driver
// statistics block on the first FilterAttach (AttachHandler) and frees it in
// FilterDetach (DetachHandler of NDIS_FILTER_DRIVER_CHARACTERISTICS) when
// the last module detaches; the driver's unload routine only deregisters.
#include <ndis.h>

#define LWF_STATS_TAG 'tSwL'

typedef struct _LWF_STATS {
    ULONG64 PacketsSeen;
    ULONG64 PacketsDropped;
} LWF_STATS, *PLWF_STATS;

typedef struct _LWF_GLOBALS {
    NDIS_HANDLE FilterDriverHandle;
    NDIS_SPIN_LOCK Lock;
    LONG AttachedModules;
    PLWF_STATS Stats;
} LWF_GLOBALS;

LWF_GLOBALS g_Lwf;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD LwfUnload;
FILTER_ATTACH LwfAttach;
FILTER_DETACH LwfDetach;
FILTER_RESTART LwfRestart;
FILTER_PAUSE LwfPause;

_Use_decl_annotations_
NDIS_STATUS
LwfAttach(
    NDIS_HANDLE NdisFilterHandle,
    NDIS_HANDLE FilterDriverContext,
    PNDIS_FILTER_ATTACH_PARAMETERS AttachParameters
    )
{
    NDIS_FILTER_ATTRIBUTES attributes;
    NDIS_STATUS status;

    UNREFERENCED_PARAMETER(FilterDriverContext);
    UNREFERENCED_PARAMETER(AttachParameters);

    NdisAcquireSpinLock(&g_Lwf.Lock);
    if (g_Lwf.Stats == NULL) {
        g_Lwf.Stats = (PLWF_STATS)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(LWF_STATS), LWF_STATS_TAG);
    }
    status = (g_Lwf.Stats != NULL) ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
    if (status == NDIS_STATUS_SUCCESS) {
        g_Lwf.AttachedModules++;
    }
    NdisReleaseSpinLock(&g_Lwf.Lock);
    if (status != NDIS_STATUS_SUCCESS) {
        return status;
    }

    NdisZeroMemory(&attributes, sizeof(attributes));
    attributes.Header.Revision = NDIS_FILTER_ATTRIBUTES_REVISION_1;
    attributes.Header.Size = sizeof(attributes);
    attributes.Header.Type = NDIS_OBJECT_TYPE_FILTER_ATTRIBUTES;
    attributes.Flags = 0;
    return NdisFSetAttributes(NdisFilterHandle, &g_Lwf, &attributes);
}

_Use_decl_annotations_
VOID
LwfDetach(
    NDIS_HANDLE FilterModuleContext
    )
{
    UNREFERENCED_PARAMETER(FilterModuleContext);

    NdisAcquireSpinLock(&g_Lwf.Lock);
    if (--g_Lwf.AttachedModules == 0 && g_Lwf.Stats != NULL) {
        ExFreePoolWithTag(g_Lwf.Stats, LWF_STATS_TAG);
        g_Lwf.Stats = NULL;
    }
    NdisReleaseSpinLock(&g_Lwf.Lock);
}

_Use_decl_annotations_
NDIS_STATUS
LwfRestart(
    NDIS_HANDLE FilterModuleContext,
    PNDIS_FILTER_RESTART_PARAMETERS RestartParameters
    )
{
    UNREFERENCED_PARAMETER(FilterModuleContext);
    UNREFERENCED_PARAMETER(RestartParameters);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
LwfPause(
    NDIS_HANDLE FilterModuleContext,
    PNDIS_FILTER_PAUSE_PARAMETERS PauseParameters
    )
{
    UNREFERENCED_PARAMETER(FilterModuleContext);
    UNREFERENCED_PARAMETER(PauseParameters);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
LwfUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();
    NdisFDeregisterFilterDriver(g_Lwf.FilterDriverHandle);
    NdisFreeSpinLock(&g_Lwf.Lock);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NDIS_FILTER_DRIVER_CHARACTERISTICS fchars;
    NDIS_STRING friendlyName = RTL_CONSTANT_STRING(L"Pooltrack Sample LWF");
    NDIS_STRING uniqueName = RTL_CONSTANT_STRING(L"{5cbf81bd-5055-47cd-9055-a76b2b4e3697}");
    NDIS_STRING serviceName = RTL_CONSTANT_STRING(L"ptlwf");

    UNREFERENCED_PARAMETER(RegistryPath);

    NdisAllocateSpinLock(&g_Lwf.Lock);
    g_Lwf.AttachedModules = 0;

    NdisZeroMemory(&fchars, sizeof(fchars));
    fchars.Header.Type = NDIS_OBJECT_TYPE_FILTER_DRIVER_CHARACTERISTICS;
    fchars.Header.Size = NDIS_SIZEOF_FILTER_DRIVER_CHARACTERISTICS_REVISION_2;
    fchars.Header.Revision = NDIS_FILTER_CHARACTERISTICS_REVISION_2;
    fchars.MajorNdisVersion = NDIS_FILTER_MAJOR_VERSION;
    fchars.MinorNdisVersion = NDIS_FILTER_MINOR_VERSION;
    fchars.FriendlyName = friendlyName;
    fchars.UniqueName = uniqueName;
    fchars.ServiceName = serviceName;
    fchars.AttachHandler = LwfAttach;
    fchars.DetachHandler = LwfDetach;
    fchars.RestartHandler = LwfRestart;
    fchars.PauseHandler = LwfPause;

    DriverObject->DriverUnload = LwfUnload;
    return (NTSTATUS)NdisFRegisterFilterDriver(DriverObject, (NDIS_HANDLE)DriverObject,
                                               &fchars, &g_Lwf.FilterDriverHandle);
}
