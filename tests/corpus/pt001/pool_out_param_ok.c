// PT001 negative: the buffer is returned through an out-parameter on success
// and freed on the failure path.
#include <ntddk.h>

#define SNAP_TAG 'panS'

typedef struct _COUNTERS {
    ULONG64 BytesIn;
    ULONG64 BytesOut;
    ULONG Errors;
} COUNTERS, *PCOUNTERS;

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK CounterLock;
    COUNTERS Counters;
    BOOLEAN Removed;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
SnapshotCounters(
    _In_ PDEVICE_EXTENSION DevExt,
    _Outptr_ PCOUNTERS *Snapshot
    )
{
    PCOUNTERS snap;
    KIRQL irql;

    *Snapshot = NULL;

    snap = (PCOUNTERS)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(COUNTERS), SNAP_TAG);
    if (snap == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    KeAcquireSpinLock(&DevExt->CounterLock, &irql);
    if (DevExt->Removed) {
        KeReleaseSpinLock(&DevExt->CounterLock, irql);
        ExFreePoolWithTag(snap, SNAP_TAG);
        return STATUS_DELETE_PENDING;
    }
    RtlCopyMemory(snap, &DevExt->Counters, sizeof(COUNTERS));
    KeReleaseSpinLock(&DevExt->CounterLock, irql);

    *Snapshot = snap;
    return STATUS_SUCCESS;
}
