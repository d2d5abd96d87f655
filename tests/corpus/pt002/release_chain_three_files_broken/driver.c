// PT002 positive (near-miss of release_chain_three_files): FreeContext
// drains the pending list but forgets the context itself, so the chain of
// helpers reached from unload never releases g_Context.
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
    g_Context = (PDRV_CONTEXT)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(DRV_CONTEXT), CTX_TAG); // expect: PT002
    if (g_Context == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    InitializeListHead(&g_Context->Pending);
    DriverObject->DriverUnload = DrvUnload;
    return STATUS_SUCCESS;
}
