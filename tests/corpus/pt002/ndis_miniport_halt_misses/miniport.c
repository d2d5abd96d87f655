// PT002 positive: an NDIS 6 miniport for a single-adapter device keeps its
// descriptor areas in a global.  MiniportHaltEx (HaltHandlerEx) frees the
// receive area and the statistics page; the transmit area is released only on
// MiniportInitializeEx's own failure path, so it is outstanding after halt and
// MiniportDriverUnload.
#include <ndis.h>

#define MP_RX_TAG    'xRpM'
#define MP_TX_TAG    'xTpM'
#define MP_STAT_TAG  'tSpM'
#define MP_AREA_SIZE (32 * 1024)

typedef struct _MP_GLOBALS {
    NDIS_HANDLE DriverHandle;
    NDIS_HANDLE AdapterHandle;
    PUCHAR RxArea;
    PUCHAR TxArea;
    PVOID StatsPage;
} MP_GLOBALS;

MP_GLOBALS g_Mp;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE MpInitializeEx;
MINIPORT_HALT MpHaltEx;
MINIPORT_UNLOAD MpDriverUnload;
MINIPORT_PAUSE MpPause;
MINIPORT_RESTART MpRestart;
MINIPORT_OID_REQUEST MpOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS MpSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS MpReturnNetBufferLists;
MINIPORT_CANCEL_SEND MpCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY MpDevicePnpEventNotify;
MINIPORT_SHUTDOWN MpShutdownEx;
MINIPORT_CANCEL_OID_REQUEST MpCancelOidRequest;

_Use_decl_annotations_
NDIS_STATUS
MpInitializeEx(
    NDIS_HANDLE MiniportAdapterHandle,
    NDIS_HANDLE MiniportDriverContext,
    PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters
    )
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    g_Mp.AdapterHandle = MiniportAdapterHandle;

    g_Mp.RxArea = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, MP_AREA_SIZE, MP_RX_TAG);
    if (g_Mp.RxArea == NULL) {
        return NDIS_STATUS_RESOURCES;
    }

    g_Mp.TxArea = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, MP_AREA_SIZE, MP_TX_TAG); // expect: PT002
    if (g_Mp.TxArea == NULL) {
        ExFreePoolWithTag(g_Mp.RxArea, MP_RX_TAG);
        g_Mp.RxArea = NULL;
        return NDIS_STATUS_RESOURCES;
    }

    g_Mp.StatsPage = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, MP_STAT_TAG);
    if (g_Mp.StatsPage == NULL) {
        ExFreePoolWithTag(g_Mp.TxArea, MP_TX_TAG);
        ExFreePoolWithTag(g_Mp.RxArea, MP_RX_TAG);
        g_Mp.TxArea = NULL;
        g_Mp.RxArea = NULL;
        return NDIS_STATUS_RESOURCES;
    }
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
MpHaltEx(
    NDIS_HANDLE MiniportAdapterContext,
    NDIS_HALT_ACTION HaltAction
    )
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);

    if (g_Mp.StatsPage != NULL) {
        ExFreePoolWithTag(g_Mp.StatsPage, MP_STAT_TAG);
        g_Mp.StatsPage = NULL;
    }
    if (g_Mp.RxArea != NULL) {
        ExFreePoolWithTag(g_Mp.RxArea, MP_RX_TAG);
        g_Mp.RxArea = NULL;
    }
    g_Mp.AdapterHandle = NULL;
}

_Use_decl_annotations_
VOID
MpDriverUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();
    NdisMDeregisterMiniportDriver(g_Mp.DriverHandle);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
    NDIS_STATUS status;

    NdisZeroMemory(&chars, sizeof(chars));
    chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    chars.MajorNdisVersion = NDIS_MINIPORT_MAJOR_VERSION;
    chars.MinorNdisVersion = NDIS_MINIPORT_MINOR_VERSION;

    chars.InitializeHandlerEx = MpInitializeEx;
    chars.HaltHandlerEx = MpHaltEx;
    chars.UnloadHandler = MpDriverUnload;
    chars.PauseHandler = MpPause;
    chars.RestartHandler = MpRestart;
    chars.OidRequestHandler = MpOidRequest;
    chars.SendNetBufferListsHandler = MpSendNetBufferLists;
    chars.ReturnNetBufferListsHandler = MpReturnNetBufferLists;
    chars.CancelSendHandler = MpCancelSend;
    chars.DevicePnPEventNotifyHandler = MpDevicePnpEventNotify;
    chars.ShutdownHandlerEx = MpShutdownEx;
    chars.CancelOidRequestHandler = MpCancelOidRequest;

    status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &chars, &g_Mp.DriverHandle);
    return (NTSTATUS)status;
}
