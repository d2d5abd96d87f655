// PT002 negative: the unload routine releases the global context through a
// chain of helpers in three other files (TeardownContext -> FreeContext ->
// PoolFree).  Each helper lends the context to logging before releasing it,
// and FreeContext checks it for NULL: it still releases what it is given.
#include <ntddk.h>
#include "ctx.h"

PDRV_CONTEXT g_Context;

DRIVER_UNLOAD DrvUnload;

VOID
DrvUnload(
    _In_ PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    TeardownContext(g_Context);
    g_Context = NULL;
}

NTSTATUS
DriverEntry(
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PUNICODE_STRING RegistryPath
    )
{
    UNREFERENCED_PARAMETER(RegistryPath);
    g_Context = (PDRV_CONTEXT)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(DRV_CONTEXT), CTX_TAG);
    if (g_Context == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    InitializeListHead(&g_Context->Pending);
    DriverObject->DriverUnload = DrvUnload;
    return STATUS_SUCCESS;
}
