// PT002 positive: a shared page is described by an MDL so it can be mapped
// into callers later.  Unload frees the page but not the MDL that describes
// it: the IoAllocateMdl allocation stored in g_Shared.Mdl is outstanding.
#include <ntddk.h>

#define SHARED_TAG 'hSmG'

typedef struct _SHARED_SECTION {
    PVOID Page;
    PMDL Mdl;
} SHARED_SECTION;

SHARED_SECTION g_Shared;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD GmUnload;

_Use_decl_annotations_
VOID
GmUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);

    if (g_Shared.Page != NULL) {
        ExFreePoolWithTag(g_Shared.Page, SHARED_TAG);
        g_Shared.Page = NULL;
    }
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    UNREFERENCED_PARAMETER(RegistryPath);

    g_Shared.Page = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, SHARED_TAG);
    if (g_Shared.Page == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    g_Shared.Mdl = IoAllocateMdl(g_Shared.Page, PAGE_SIZE, FALSE, FALSE, NULL); // expect: PT002
    if (g_Shared.Mdl == NULL) {
        ExFreePoolWithTag(g_Shared.Page, SHARED_TAG);
        g_Shared.Page = NULL;
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmBuildMdlForNonPagedPool(g_Shared.Mdl);

    DriverObject->DriverUnload = GmUnload;
    return STATUS_SUCCESS;
}
