// PT003 positive: a DPC registered with KeInitializeDpc builds a status
// snapshot with ExAllocatePoolWithQuotaTag.  The DPC runs in whatever process
// happens to be current (often Idle), so the quota charge lands on a random
// process (0xC4/0x10B under Driver Verifier).
#include <ntddk.h>

#define SN_TAG 'pSnS'
#define IOCTL_SN_KICK CTL_CODE(FILE_DEVICE_UNKNOWN, 0x810, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _SN_SNAPSHOT {
    LARGE_INTEGER Time;
    ULONG Pending;
    ULONG Completed;
} SN_SNAPSHOT, *PSN_SNAPSHOT;

typedef struct _SN_EXTENSION {
    KDPC SnapshotDpc;
    KSPIN_LOCK Lock;
    ULONG Pending;
    ULONG Completed;
    SN_SNAPSHOT Last;
} SN_EXTENSION, *PSN_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD SnUnload;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH SnDeviceControl;
KDEFERRED_ROUTINE SnSnapshotDpc;

_Use_decl_annotations_
VOID
SnSnapshotDpc(
    PKDPC Dpc,
    PVOID DeferredContext,
    PVOID SystemArgument1,
    PVOID SystemArgument2
    )
{
    PSN_EXTENSION ext = (PSN_EXTENSION)DeferredContext;
    PSN_SNAPSHOT snap;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    snap = (PSN_SNAPSHOT)ExAllocatePoolWithQuotaTag(NonPagedPoolNx | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, // expect: PT003
                                                    sizeof(SN_SNAPSHOT), SN_TAG);
    if (snap == NULL) {
        return;
    }
    KeQuerySystemTime(&snap->Time);
    KeAcquireSpinLockAtDpcLevel(&ext->Lock);
    snap->Pending = ext->Pending;
    snap->Completed = ext->Completed;
    RtlCopyMemory(&ext->Last, snap, sizeof(SN_SNAPSHOT));
    KeReleaseSpinLockFromDpcLevel(&ext->Lock);
    ExFreePoolWithTag(snap, SN_TAG);
}

_Use_decl_annotations_
NTSTATUS
SnDeviceControl(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PSN_EXTENSION ext = (PSN_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status = STATUS_INVALID_DEVICE_REQUEST;

    if (stack->Parameters.DeviceIoControl.IoControlCode == IOCTL_SN_KICK) {
        KeInsertQueueDpc(&ext->SnapshotDpc, NULL, NULL);
        status = STATUS_SUCCESS;
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

_Use_decl_annotations_
VOID
SnUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PAGED_CODE();

    if (DriverObject->DeviceObject != NULL) {
        KeRemoveQueueDpc(&((PSN_EXTENSION)DriverObject->DeviceObject->DeviceExtension)->SnapshotDpc);
        KeFlushQueuedDpcs();
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
    PSN_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&name, L"\\Device\\Snapshot");
    status = IoCreateDevice(DriverObject, sizeof(SN_EXTENSION), &name, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PSN_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(SN_EXTENSION));
    KeInitializeSpinLock(&ext->Lock);
    KeInitializeDpc(&ext->SnapshotDpc, SnSnapshotDpc, ext);

    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = SnDeviceControl;
    DriverObject->DriverUnload = SnUnload;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
