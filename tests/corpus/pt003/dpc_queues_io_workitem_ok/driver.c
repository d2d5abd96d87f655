// PT003 negative: the DPC does not allocate; it hands the job to a work item
// with IoQueueWorkItem.  LgWriteLogWorker (IO_WORKITEM_ROUTINE) runs later at
// PASSIVE_LEVEL in a system worker thread: the DPC only passes it as an
// argument, it does not call it, so the quota allocation there is not reached
// from the DPC.
#include <ntddk.h>

#define LG_TAG 'rWgL'
#define LG_RECORD_BYTES 256

typedef struct _LG_EXTENSION {
    KDPC FlushDpc;
    PIO_WORKITEM FlushWorkItem;
    volatile LONG FlushQueued;
    ULONG RecordsWritten;
} LG_EXTENSION, *PLG_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD LgUnload;
KDEFERRED_ROUTINE LgFlushDpc;
IO_WORKITEM_ROUTINE LgWriteLogWorker;

_Use_decl_annotations_
VOID
LgWriteLogWorker(
    PDEVICE_OBJECT DeviceObject,
    PVOID Context
    )
{
    PLG_EXTENSION ext = (PLG_EXTENSION)Context;
    PUCHAR record;

    UNREFERENCED_PARAMETER(DeviceObject);
    PAGED_CODE();

    record = (PUCHAR)ExAllocatePoolWithQuotaTag(PagedPool | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE,
                                                LG_RECORD_BYTES, LG_TAG);
    if (record != NULL) {
        RtlZeroMemory(record, LG_RECORD_BYTES);
        ext->RecordsWritten++;
        ExFreePoolWithTag(record, LG_TAG);
    }
    InterlockedExchange(&ext->FlushQueued, 0);
}

_Use_decl_annotations_
VOID
LgFlushDpc(
    PKDPC Dpc,
    PVOID DeferredContext,
    PVOID SystemArgument1,
    PVOID SystemArgument2
    )
{
    PLG_EXTENSION ext = (PLG_EXTENSION)DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    if (InterlockedCompareExchange(&ext->FlushQueued, 1, 0) == 0) {
        IoQueueWorkItem(ext->FlushWorkItem, LgWriteLogWorker, DelayedWorkQueue, ext);
    }
}

_Use_decl_annotations_
VOID
LgUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PLG_EXTENSION ext;

    PAGED_CODE();

    if (DriverObject->DeviceObject == NULL) {
        return;
    }
    ext = (PLG_EXTENSION)DriverObject->DeviceObject->DeviceExtension;
    KeRemoveQueueDpc(&ext->FlushDpc);
    KeFlushQueuedDpcs();
    IoFreeWorkItem(ext->FlushWorkItem);
    IoDeleteDevice(DriverObject->DeviceObject);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;
    PDEVICE_OBJECT deviceObject;
    PLG_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    status = IoCreateDevice(DriverObject, sizeof(LG_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            0, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PLG_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(LG_EXTENSION));

    ext->FlushWorkItem = IoAllocateWorkItem(deviceObject);
    if (ext->FlushWorkItem == NULL) {
        IoDeleteDevice(deviceObject);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeDpc(&ext->FlushDpc, LgFlushDpc, ext);

    DriverObject->DriverUnload = LgUnload;
    return STATUS_SUCCESS;
}
