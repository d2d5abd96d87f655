// PT002 positive: as pt002/helper_frees_inner_struct_ok, but the unload
// routine frees only the statistics block; the queue's entries, stored as
// ext->Queue.Entries, are never released.  The finding names the field as
// stored and as matched (any REQUEST_QUEUE.Entries released would do).
#include <ntddk.h>

#define STAT_TAG 'tatS'

typedef struct _STATS_BLOCK {
    PULONG Samples;
    ULONG Count;
} STATS_BLOCK, *PSTATS_BLOCK;

typedef struct _REQUEST_QUEUE {
    PVOID Entries;
    ULONG Depth;
} REQUEST_QUEUE, *PREQUEST_QUEUE;

typedef struct _DEVICE_EXTENSION {
    PSTATS_BLOCK Stats;
    REQUEST_QUEUE Queue;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD StatsUnload;

static PDEVICE_OBJECT StatsDevice;
static STATS_BLOCK StatsStorage;

static VOID
FreeStats(
    _In_ PSTATS_BLOCK Stats
    )
{
    if (Stats->Samples != NULL) {
        ExFreePoolWithTag(Stats->Samples, STAT_TAG);
        Stats->Samples = NULL;
    }
}

static VOID
FreeQueue(
    _In_ PREQUEST_QUEUE Queue
    )
{
    if (Queue->Entries != NULL) {
        ExFreePoolWithTag(Queue->Entries, STAT_TAG);
        Queue->Entries = NULL;
    }
}

VOID
StatsUnload(
    _In_ PDRIVER_OBJECT DriverObject
    )
{
    PDEVICE_EXTENSION ext = (PDEVICE_EXTENSION)StatsDevice->DeviceExtension;

    UNREFERENCED_PARAMETER(DriverObject);
    FreeStats(ext->Stats);
    IoDeleteDevice(StatsDevice);
}

NTSTATUS
DriverEntry(
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;
    PDEVICE_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &StatsDevice);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PDEVICE_EXTENSION)StatsDevice->DeviceExtension;
    ext->Stats = &StatsStorage;
    ext->Stats->Samples = (PULONG)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64 * sizeof(ULONG), STAT_TAG);
    if (ext->Stats->Samples == NULL) {
        IoDeleteDevice(StatsDevice);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ext->Queue.Entries = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, STAT_TAG); // expect: PT002
    if (ext->Queue.Entries == NULL) {
        FreeStats(ext->Stats);
        IoDeleteDevice(StatsDevice);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    DriverObject->DriverUnload = StatsUnload;
    return STATUS_SUCCESS;
}
