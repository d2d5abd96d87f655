// PT001 negative (near-miss of pool_loop_continue_leak.c): the skip path
// frees the entry before continuing; kept entries go on the device list.
#include <ntddk.h>

#define ENTRY_TAG 'ytnE'

typedef struct _RAW_ENTRY {
    ULONG Id;
    ULONG Flags;
    UCHAR Payload[32];
} RAW_ENTRY, *PRAW_ENTRY;

#define ENTRY_FLAG_DISABLED 0x1

typedef struct _TABLE_ENTRY {
    LIST_ENTRY Link;
    RAW_ENTRY Raw;
} TABLE_ENTRY, *PTABLE_ENTRY;

typedef struct _DEVICE_EXTENSION {
    LIST_ENTRY EntryList;
    ULONG EntryCount;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
LoadEntryTable(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_reads_(Count) PRAW_ENTRY RawEntries,
    _In_ ULONG Count
    )
{
    ULONG i;
    PTABLE_ENTRY entry;

    PAGED_CODE();

    for (i = 0; i < Count; i++) {
        entry = (PTABLE_ENTRY)ExAllocatePoolWithTag(PagedPool, sizeof(TABLE_ENTRY), ENTRY_TAG);
        if (entry == NULL) {
            return STATUS_INSUFFICIENT_RESOURCES;
        }

        RtlCopyMemory(&entry->Raw, &RawEntries[i], sizeof(RAW_ENTRY));

        if (entry->Raw.Flags & ENTRY_FLAG_DISABLED) {
            KdPrint(("LoadEntryTable: entry %lu disabled, skipping\n", entry->Raw.Id));
            ExFreePoolWithTag(entry, ENTRY_TAG);
            continue;
        }

        InsertTailList(&DevExt->EntryList, &entry->Link);
        DevExt->EntryCount++;
    }

    return STATUS_SUCCESS;
}
