// teardown.c - the driver's unload routine.
#include "fc.h"

_Function_class_(DRIVER_UNLOAD)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
VOID
FcUnload(
    _In_ PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    if (g_FcCache != NULL) {
        ExFreePoolWithTag(g_FcCache, FC_CACHE_TAG);
        g_FcCache = NULL;
    }
}
