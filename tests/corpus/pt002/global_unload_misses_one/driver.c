// PT002 positive: DriverEntry allocates two global buffers; the registered
// unload routine releases the lookup table but forgets the trace ring, so the
// ring is still outstanding when the driver unloads (0xC4/0x62).
#include <ntddk.h>

#define TRACE_TAG       'rTsG'
#define LOOKUP_TAG      'kLsG'
#define TRACE_RING_SIZE (64 * 1024)
#define LOOKUP_ENTRIES  256

typedef struct _LOOKUP_ENTRY {
    ULONG Key;
    ULONG Value;
} LOOKUP_ENTRY, *PLOOKUP_ENTRY;

PUCHAR g_TraceRing;
PLOOKUP_ENTRY g_LookupTable;
ULONG g_TraceHead;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD GsUnload;

_Use_decl_annotations_
VOID
GsUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    if (g_LookupTable != NULL) {
        ExFreePoolWithTag(g_LookupTable, LOOKUP_TAG);
        g_LookupTable = NULL;
    }
    KdPrint(("GsUnload: trace head at %lu\n", g_TraceHead));
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    UNREFERENCED_PARAMETER(RegistryPath);

    g_TraceRing = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, TRACE_RING_SIZE, TRACE_TAG); // expect: PT002
    if (g_TraceRing == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    g_TraceHead = 0;

    g_LookupTable = (PLOOKUP_ENTRY)ExAllocatePool2(POOL_FLAG_PAGED,
                                                   LOOKUP_ENTRIES * sizeof(LOOKUP_ENTRY),
                                                   LOOKUP_TAG);
    if (g_LookupTable == NULL) {
        ExFreePoolWithTag(g_TraceRing, TRACE_TAG);
        g_TraceRing = NULL;
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    DriverObject->DriverUnload = GsUnload;
    return STATUS_SUCCESS;
}
