// PT002 negative (with resources.c): MiniportHaltEx (HaltHandlerEx of the
// characteristics) calls NicReleaseAdapterResources in another file, which
// frees both global buffers MiniportInitializeEx stored.
#include "nic.h"

NIC_GLOBALS g_Nic;

_Use_decl_annotations_
NDIS_STATUS
NicInitializeEx(
    NDIS_HANDLE MiniportAdapterHandle,
    NDIS_HANDLE MiniportDriverContext,
    PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters
    )
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    g_Nic.AdapterHandle = MiniportAdapterHandle;

    g_Nic.RxBuffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, NIC_RX_BYTES, NIC_RX_TAG);
    if (g_Nic.RxBuffer == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    g_Nic.MulticastList = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, NIC_MAX_MCAST * 6, NIC_MCAST_TAG);
    if (g_Nic.MulticastList == NULL) {
        NicReleaseAdapterResources();
        return NDIS_STATUS_RESOURCES;
    }
    g_Nic.MulticastCount = 0;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
NicHaltEx(
    NDIS_HANDLE MiniportAdapterContext,
    NDIS_HALT_ACTION HaltAction
    )
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);

    NicReleaseAdapterResources();
    g_Nic.AdapterHandle = NULL;
}

_Use_decl_annotations_
VOID
NicDriverUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();
    NdisMDeregisterMiniportDriver(g_Nic.DriverHandle);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;

    NdisZeroMemory(&chars, sizeof(chars));
    chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    chars.MajorNdisVersion = NDIS_MINIPORT_MAJOR_VERSION;
    chars.MinorNdisVersion = NDIS_MINIPORT_MINOR_VERSION;
    chars.InitializeHandlerEx = NicInitializeEx;
    chars.HaltHandlerEx = NicHaltEx;
    chars.UnloadHandler = NicDriverUnload;

    return (NTSTATUS)NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL,
                                                 &chars, &g_Nic.DriverHandle);
}
