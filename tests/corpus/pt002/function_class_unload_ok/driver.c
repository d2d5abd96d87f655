// PT002 negative (with fwlib.c, teardown.c): the unload routine is handed to
// the framework library through a function pointer, so the registration is
// not a direct DriverObject->DriverUnload = FcUnload here; FcUnload carries
// _Function_class_(DRIVER_UNLOAD) on its definition, which is enough to make
// it a teardown routine, and it frees the cache.
#include "fc.h"

PFC_CACHE_ENTRY g_FcCache;

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    UNREFERENCED_PARAMETER(RegistryPath);

    g_FcCache = (PFC_CACHE_ENTRY)ExAllocatePool2(POOL_FLAG_NON_PAGED,
                                                 FC_CACHE_ENTRIES * sizeof(FC_CACHE_ENTRY),
                                                 FC_CACHE_TAG);
    if (g_FcCache == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    FwInstallCallbacks(DriverObject, FcUnload);
    return STATUS_SUCCESS;
}
