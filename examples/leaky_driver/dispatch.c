// dispatch.c - IRP dispatch routines for the "leaky" example driver.
// Two deliberate PT001 leaks: a lookaside record in LkWrite and a stats
// snapshot in LkDeviceControl, both on error paths.
#include "leaky.h"

static
NTSTATUS
LkCompleteRequest(_Inout_ PIRP Irp, _In_ NTSTATUS Status, _In_ ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

_Use_decl_annotations_
NTSTATUS
LkCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    return LkCompleteRequest(Irp, STATUS_SUCCESS, 0);
}

_Use_decl_annotations_
NTSTATUS
LkWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PLK_DEVICE_EXTENSION devExt = (PLK_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG length = stack->Parameters.Write.Length;
    PLK_RECORD record;
    KIRQL irql;

    record = (PLK_RECORD)ExAllocateFromNPagedLookasideList(&devExt->RecordLookaside); // expect: PT001
    if (record == NULL) {
        return LkCompleteRequest(Irp, STATUS_INSUFFICIENT_RESOURCES, 0);
    }

    if (length == 0 || length > LK_MAX_RECORD_BYTES) {
        // BUG: the record is not returned to the lookaside list.
        return LkCompleteRequest(Irp, STATUS_INVALID_BUFFER_SIZE, 0);
    }

    record->Length = length;
    RtlCopyMemory(record->Data, Irp->AssociatedIrp.SystemBuffer, length);

    KeAcquireSpinLock(&devExt->Lock, &irql);
    if (devExt->RecordCount >= devExt->Settings.MaxRecords) {
        KeReleaseSpinLock(&devExt->Lock, irql);
        ExFreeToNPagedLookasideList(&devExt->RecordLookaside, record);
        return LkCompleteRequest(Irp, STATUS_DEVICE_BUSY, 0);
    }
    InsertTailList(&devExt->RecordList, &record->Link);
    devExt->RecordCount++;
    devExt->BytesWritten += length;
    KeReleaseSpinLock(&devExt->Lock, irql);

    return LkCompleteRequest(Irp, STATUS_SUCCESS, length);
}

_Use_decl_annotations_
NTSTATUS
LkRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PLK_DEVICE_EXTENSION devExt = (PLK_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    ULONG length = IoGetCurrentIrpStackLocation(Irp)->Parameters.Read.Length;
    PLIST_ENTRY entry = NULL;
    PLK_RECORD record;
    KIRQL irql;

    KeAcquireSpinLock(&devExt->Lock, &irql);
    if (!IsListEmpty(&devExt->RecordList)) {
        entry = RemoveHeadList(&devExt->RecordList);
        devExt->RecordCount--;
    }
    KeReleaseSpinLock(&devExt->Lock, irql);
    if (entry == NULL) {
        return LkCompleteRequest(Irp, STATUS_NO_MORE_ENTRIES, 0);
    }
    record = CONTAINING_RECORD(entry, LK_RECORD, Link);
    length = min(record->Length, length);
    RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, record->Data, length);
    devExt->BytesRead += length;
    ExFreeToNPagedLookasideList(&devExt->RecordLookaside, record);
    return LkCompleteRequest(Irp, STATUS_SUCCESS, length);
}

_Use_decl_annotations_
NTSTATUS
LkDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PLK_DEVICE_EXTENSION devExt = (PLK_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG outLen = stack->Parameters.DeviceIoControl.OutputBufferLength;
    NTSTATUS status = STATUS_SUCCESS;
    ULONG_PTR info = 0;
    PLK_STATS stats;
    KIRQL irql;

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_LK_GET_STATS:
        stats = (PLK_STATS)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(LK_STATS), LK_TAG_STATS); // expect: PT001
        if (stats == NULL) {
            status = STATUS_INSUFFICIENT_RESOURCES;
            break;
        }
        KeAcquireSpinLock(&devExt->Lock, &irql);
        stats->RecordsQueued = devExt->RecordCount;
        stats->BytesWritten = devExt->BytesWritten;
        stats->BytesRead = devExt->BytesRead;
        KeReleaseSpinLock(&devExt->Lock, irql);

        if (outLen < sizeof(LK_STATS)) {
            // BUG: the snapshot is not freed on this path.
            return LkCompleteRequest(Irp, STATUS_BUFFER_TOO_SMALL, 0);
        }
        RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, stats, sizeof(LK_STATS));
        ExFreePoolWithTag(stats, LK_TAG_STATS);
        info = sizeof(LK_STATS);
        break;

    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    return LkCompleteRequest(Irp, status, info);
}
