// PT002 positive: UrBufferUnload frees the statistics block, but it is only a
// name: nothing registers it (DriverUnload is UrDriverUnload) and it has no
// DRIVER_UNLOAD role, and no teardown routine calls it.  The block leaks.
#include <ntddk.h>

#define STATS_TAG 'tSrU'

typedef struct _UR_STATISTICS {
    volatile LONG Opens;
    volatile LONG Reads;
    volatile LONG64 BytesRead;
} UR_STATISTICS, *PUR_STATISTICS;

PUR_STATISTICS g_UrStats;
PDEVICE_OBJECT g_UrDevice;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD UrDriverUnload;

// Meant to be called from the unload routine; the call was lost in a refactor.
VOID
UrBufferUnload(
    VOID
    )
{
    if (g_UrStats != NULL) {
        ExFreePoolWithTag(g_UrStats, STATS_TAG);
        g_UrStats = NULL;
    }
}

_Use_decl_annotations_
VOID
UrDriverUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    if (g_UrDevice != NULL) {
        IoDeleteDevice(g_UrDevice);
        g_UrDevice = NULL;
    }
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;
    UNICODE_STRING name;

    UNREFERENCED_PARAMETER(RegistryPath);

    g_UrStats = (PUR_STATISTICS)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(UR_STATISTICS), STATS_TAG); // expect: PT002
    if (g_UrStats == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    RtlInitUnicodeString(&name, L"\\Device\\UrSample");
    status = IoCreateDevice(DriverObject, 0, &name, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &g_UrDevice);
    if (!NT_SUCCESS(status)) {
        UrBufferUnload();
        return status;
    }

    DriverObject->DriverUnload = UrDriverUnload;
    g_UrDevice->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
