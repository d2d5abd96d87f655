// PT001 positive (near-miss of pool_noreturn_paths_ok.c): corruption bugchecks,
// but the sequence-mismatch path is an ordinary return and leaks the record.
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
    ULONG SkippedRecords;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
ReplayJournalRecord(
    _In_ PDEVICE_EXTENSION DevExt
    )
{
    PJOURNAL_RECORD rec;

    rec = (PJOURNAL_RECORD)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(JOURNAL_RECORD), JRNL_TAG); // expect: PT001
    if (rec == NULL) {
        return;
    }
    RtlCopyMemory(rec, DevExt->Journal, sizeof(JOURNAL_RECORD));

    if (rec->Magic != JOURNAL_MAGIC) {
        KeBugCheckEx(SAMPLE_BUGCHECK_CODE, (ULONG_PTR)DevExt, (ULONG_PTR)rec->Magic, 0, 0);
    }

    if (rec->Sequence != DevExt->ExpectedSequence) {
        DevExt->SkippedRecords++;
        return;
    }

    DevExt->ExpectedSequence = rec->Sequence + 1;
    ExFreePoolWithTag(rec, JRNL_TAG);
}
