// PT002 negatives: the device extension points to a statistics block and
// embeds a request queue; each has its own buffer.  DriverEntry stores the
// buffers through the extension (ext->Stats->Samples, ext->Queue.Entries);
// the unload routine frees them in helpers that see only the inner struct
// (stats->Samples, queue->Entries).  Both access paths name the same field
// of the same struct type, so the buffers are released at unload.
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
    FreeQueue(&ext->Queue);
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
    ext->Queue.Entries = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, STAT_TAG);
    if (ext->Queue.Entries == NULL) {
        FreeStats(ext->Stats);
        IoDeleteDevice(StatsDevice);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    DriverObject->DriverUnload = StatsUnload;
    return STATUS_SUCCESS;
}
