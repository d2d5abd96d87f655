// PT002 negative: the unload routine copies the global pointer into a local,
// clears the global, then frees the local copy: that releases the global.
#include <ntddk.h>

#define LC_TAG 'pCcL'

typedef struct _LC_STATE {
    PVOID Table;
    ULONG Entries;
} LC_STATE;

LC_STATE g_LcState;
DRIVER_UNLOAD LcUnload;

_Use_decl_annotations_
VOID
LcUnload(PDRIVER_OBJECT DriverObject)
{
    PVOID table = g_LcState.Table;

    UNREFERENCED_PARAMETER(DriverObject);
    g_LcState.Table = NULL;
    g_LcState.Entries = 0;
    if (table != NULL) {
        ExFreePoolWithTag(table, LC_TAG);
    }
}

NTSTATUS
DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    g_LcState.Table = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64 * sizeof(ULONG), LC_TAG);
    if (g_LcState.Table == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    g_LcState.Entries = 64;
    DriverObject->DriverUnload = LcUnload;
    return STATUS_SUCCESS;
}
