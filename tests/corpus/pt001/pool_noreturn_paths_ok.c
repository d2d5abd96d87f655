// PT001 negative: the only paths that skip the free end in KeBugCheckEx or
// ExRaiseStatus, which never return.
#include <ntddk.h>

#define JRNL_TAG 'lnrJ'
#define JOURNAL_MAGIC 0x4A524E4C
#define SAMPLE_BUGCHECK_CODE 0xE0000001

typedef struct _JOURNAL_RECORD {
    ULONG Magic;
    ULONG Sequence;
    ULONG PayloadLength;
} JOURNAL_RECORD, *PJOURNAL_RECORD;

typedef struct _DEVICE_EXTENSION {
    PJOURNAL_RECORD Journal;
    ULONG ExpectedSequence;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
ReplayJournalRecord(
    _In_ PDEVICE_EXTENSION DevExt
    )
{
    PJOURNAL_RECORD rec;

    rec = (PJOURNAL_RECORD)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(JOURNAL_RECORD), JRNL_TAG);
    if (rec == NULL) {
        return;
    }
    RtlCopyMemory(rec, DevExt->Journal, sizeof(JOURNAL_RECORD));

    if (rec->Magic != JOURNAL_MAGIC) {
        KeBugCheckEx(SAMPLE_BUGCHECK_CODE,
                     (ULONG_PTR)DevExt,
                     (ULONG_PTR)rec->Magic,
                     0,
                     0);
    }

    DevExt->ExpectedSequence = rec->Sequence + 1;
    ExFreePoolWithTag(rec, JRNL_TAG);
}

_IRQL_requires_max_(PASSIVE_LEVEL)
ULONG
ReadJournalPayloadLength(
    _In_ PDEVICE_EXTENSION DevExt
    )
{
    PJOURNAL_RECORD rec;
    ULONG length;

    rec = (PJOURNAL_RECORD)ExAllocatePoolWithTag(PagedPool, sizeof(JOURNAL_RECORD), JRNL_TAG);
    if (rec == NULL) {
        ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
    }
    RtlCopyMemory(rec, DevExt->Journal, sizeof(JOURNAL_RECORD));

    if (rec->Sequence != DevExt->ExpectedSequence) {
        ExRaiseStatus(STATUS_DATA_ERROR);
    }

    length = rec->PayloadLength;
    ExFreePoolWithTag(rec, JRNL_TAG);
    return length;
}
