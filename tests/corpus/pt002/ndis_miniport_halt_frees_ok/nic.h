// nic.h - single-adapter NDIS 6 miniport for a virtual NIC.
#pragma once
#include <ndis.h>

#define NIC_RX_TAG     'xRcN'
#define NIC_MCAST_TAG  'cMcN'
#define NIC_RX_BYTES   (64 * 1024)
#define NIC_MAX_MCAST  32

typedef struct _NIC_GLOBALS {
    NDIS_HANDLE DriverHandle;
    NDIS_HANDLE AdapterHandle;
    PUCHAR RxBuffer;
    PUCHAR MulticastList;            // NIC_MAX_MCAST * 6 bytes
    ULONG MulticastCount;
} NIC_GLOBALS;

extern NIC_GLOBALS g_Nic;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE NicInitializeEx;
MINIPORT_HALT NicHaltEx;
MINIPORT_UNLOAD NicDriverUnload;

VOID
NicReleaseAdapterResources(
    VOID
    );
