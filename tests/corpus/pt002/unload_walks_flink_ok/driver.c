// PT002 negative: unload empties the global list by walking Flink pointers
// and unlinking each entry with RemoveEntryList (no RemoveHeadList loop).
#include <ntddk.h>

typedef struct _FW_RECORD {
    LIST_ENTRY Link;
    ULONG Id;
} FW_RECORD, *PFW_RECORD;

LIST_ENTRY g_FwRecords;
DRIVER_UNLOAD FwUnload;

NTSTATUS
FwAddRecord(_In_ ULONG Id)
{
    PFW_RECORD record = (PFW_RECORD)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(FW_RECORD), 'ceRF');
    if (record == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    record->Id = Id;
    InsertTailList(&g_FwRecords, &record->Link);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
FwUnload(PDRIVER_OBJECT DriverObject)
{
    PLIST_ENTRY entry;
    PLIST_ENTRY next;

    UNREFERENCED_PARAMETER(DriverObject);
    for (entry = g_FwRecords.Flink; entry != &g_FwRecords; entry = next) {
        next = entry->Flink;
        RemoveEntryList(entry);
        ExFreePoolWithTag(CONTAINING_RECORD(entry, FW_RECORD, Link), 'ceRF');
    }
}

NTSTATUS
DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    InitializeListHead(&g_FwRecords);
    DriverObject->DriverUnload = FwUnload;
    return FwAddRecord(1);
}
