// PT002 negative: everything DriverEntry stores in globals - the registry
// path copy, a global struct's field and each element of a global array - is
// released by GtReleaseGlobals, which the registered unload routine calls.
#include <ntddk.h>

#define GT_SLOT_TAG  'lSgG'
#define GT_CFG_TAG   'fCgG'
#define GT_SLOTS     8
#define GT_SLOT_SIZE 512

typedef struct _GT_CONFIG {
    ULONG Version;
    ULONG SlotSize;
    UCHAR Blob[240];
} GT_CONFIG, *PGT_CONFIG;

typedef struct _GT_STATE {
    PGT_CONFIG Config;
    ERESOURCE Lock;
    BOOLEAN LockInitialized;
} GT_STATE;

UNICODE_STRING g_GtRegistryPath;
GT_STATE g_GtState;
PVOID g_GtSlots[GT_SLOTS];

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD GtUnload;

static
VOID
GtReleaseGlobals(
    VOID
    )
{
    ULONG i;

    for (i = 0; i < GT_SLOTS; i++) {
        if (g_GtSlots[i] != NULL) {
            ExFreePoolWithTag(g_GtSlots[i], GT_SLOT_TAG);
            g_GtSlots[i] = NULL;
        }
    }
    if (g_GtState.Config != NULL) {
        ExFreePoolWithTag(g_GtState.Config, GT_CFG_TAG);
        g_GtState.Config = NULL;
    }
    if (g_GtState.LockInitialized) {
        ExDeleteResourceLite(&g_GtState.Lock);
        g_GtState.LockInitialized = FALSE;
    }
    RtlFreeUnicodeString(&g_GtRegistryPath);
}

_Use_decl_annotations_
VOID
GtUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();
    GtReleaseGlobals();
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;
    ULONG i;

    status = RtlDuplicateUnicodeString(RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE,
                                       RegistryPath, &g_GtRegistryPath);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = ExInitializeResourceLite(&g_GtState.Lock);
    if (!NT_SUCCESS(status)) {
        GtReleaseGlobals();
        return status;
    }
    g_GtState.LockInitialized = TRUE;

    g_GtState.Config = (PGT_CONFIG)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(GT_CONFIG), GT_CFG_TAG);
    if (g_GtState.Config == NULL) {
        GtReleaseGlobals();
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    g_GtState.Config->Version = 1;
    g_GtState.Config->SlotSize = GT_SLOT_SIZE;

    for (i = 0; i < GT_SLOTS; i++) {
        g_GtSlots[i] = ExAllocatePool2(POOL_FLAG_NON_PAGED, GT_SLOT_SIZE, GT_SLOT_TAG);
        if (g_GtSlots[i] == NULL) {
            GtReleaseGlobals();
            return STATUS_INSUFFICIENT_RESOURCES;
        }
    }

    DriverObject->DriverUnload = GtUnload;
    return STATUS_SUCCESS;
}
