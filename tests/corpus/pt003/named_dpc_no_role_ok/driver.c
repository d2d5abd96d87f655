// PT003 negative: RsRefreshStatsDpc is only a name.  It is called directly
// from the IRP_MJ_DEVICE_CONTROL dispatch routine (the requesting thread, at
// PASSIVE_LEVEL), is never given to KeInitializeDpc and has no DPC role
// type, so its quota charge goes to the right process.
#include <ntddk.h>

#define RS_TAG 'tSsR'
#define IOCTL_RS_GET_STATS CTL_CODE(FILE_DEVICE_UNKNOWN, 0x840, METHOD_BUFFERED, FILE_READ_ACCESS)

typedef struct _RS_STATS {
    ULONG Reads;
    ULONG Writes;
    ULONG Errors;
} RS_STATS, *PRS_STATS;

typedef struct _RS_EXTENSION {
    FAST_MUTEX StatsLock;
    RS_STATS Stats;
} RS_EXTENSION, *PRS_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD RsUnload;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH RsDeviceControl;

// Historical name: this used to run from a DPC before the polling was removed.
static
NTSTATUS
RsRefreshStatsDpc(
    _Inout_ PRS_EXTENSION Ext,
    _Out_writes_bytes_(OutLength) PVOID Out,
    _In_ ULONG OutLength
    )
{
    PRS_STATS copy;

    PAGED_CODE();

    if (OutLength < sizeof(RS_STATS)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    copy = (PRS_STATS)ExAllocatePoolWithQuotaTag(PagedPool | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE,
                                                 sizeof(RS_STATS), RS_TAG);
    if (copy == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ExAcquireFastMutex(&Ext->StatsLock);
    *copy = Ext->Stats;
    ExReleaseFastMutex(&Ext->StatsLock);
    RtlCopyMemory(Out, copy, sizeof(RS_STATS));
    ExFreePoolWithTag(copy, RS_TAG);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
RsDeviceControl(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PRS_EXTENSION ext = (PRS_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status = STATUS_INVALID_DEVICE_REQUEST;
    ULONG_PTR info = 0;

    PAGED_CODE();

    if (stack->Parameters.DeviceIoControl.IoControlCode == IOCTL_RS_GET_STATS) {
        status = RsRefreshStatsDpc(ext, Irp->AssociatedIrp.SystemBuffer,
                                   stack->Parameters.DeviceIoControl.OutputBufferLength);
        if (NT_SUCCESS(status)) {
            info = sizeof(RS_STATS);
        }
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = info;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

_Use_decl_annotations_
VOID
RsUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PAGED_CODE();
    if (DriverObject->DeviceObject != NULL) {
        IoDeleteDevice(DriverObject->DeviceObject);
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
    PDEVICE_OBJECT deviceObject;
    PRS_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&name, L"\\Device\\RsStats");
    status = IoCreateDevice(DriverObject, sizeof(RS_EXTENSION), &name, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PRS_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(RS_EXTENSION));
    ExInitializeFastMutex(&ext->StatsLock);

    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = RsDeviceControl;
    DriverObject->DriverUnload = RsUnload;
    deviceObject->Flags |= DO_BUFFERED_IO;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
