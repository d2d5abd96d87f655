// resources.c - adapter resource release, shared by init failure and halt.
#include "nic.h"

VOID
NicReleaseAdapterResources(
    VOID
    )
{
    if (g_Nic.MulticastList != NULL) {
        ExFreePoolWithTag(g_Nic.MulticastList, NIC_MCAST_TAG);
        g_Nic.MulticastList = NULL;
    }
    if (g_Nic.RxBuffer != NULL) {
        ExFreePoolWithTag(g_Nic.RxBuffer, NIC_RX_TAG);
        g_Nic.RxBuffer = NULL;
    }
    g_Nic.MulticastCount = 0;
}
