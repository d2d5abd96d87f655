// PT003 positive: an upper filter pings the device below it every few
// seconds from its IoTimer routine (IoInitializeTimer).  IoTimer routines are
// DPCs, and IoAllocateIrp(StackSize, TRUE) charges the IRP to the current
// process's quota.
#include <wdm.h>

#define WD_PING_TICKS 5
#define IOCTL_WD_PING CTL_CODE(FILE_DEVICE_UNKNOWN, 0x820, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _WD_EXTENSION {
    PDEVICE_OBJECT Self;
    PDEVICE_OBJECT Lower;
    LONG Ticks;
    volatile LONG PingOutstanding;
} WD_EXTENSION, *PWD_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE WdAddDevice;
DRIVER_UNLOAD WdUnload;
DRIVER_DISPATCH WdDispatchPass;
_Dispatch_type_(IRP_MJ_PNP) DRIVER_DISPATCH WdDispatchPnp;
IO_TIMER_ROUTINE WdTimer;
IO_COMPLETION_ROUTINE WdPingComplete;

_Use_decl_annotations_
NTSTATUS
WdPingComplete(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PWD_EXTENSION ext = (PWD_EXTENSION)Context;

    UNREFERENCED_PARAMETER(DeviceObject);
    IoFreeIrp(Irp);
    InterlockedExchange(&ext->PingOutstanding, 0);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_Use_decl_annotations_
VOID
WdTimer(
    PDEVICE_OBJECT DeviceObject,
    PVOID Context
    )
{
    PWD_EXTENSION ext = (PWD_EXTENSION)Context;
    PIO_STACK_LOCATION next;
    PIRP irp;

    UNREFERENCED_PARAMETER(DeviceObject);

    if (++ext->Ticks < WD_PING_TICKS) {
        return;
    }
    ext->Ticks = 0;
    if (InterlockedCompareExchange(&ext->PingOutstanding, 1, 0) != 0) {
        return;
    }

    irp = IoAllocateIrp(ext->Lower->StackSize, TRUE); // expect: PT003
    if (irp == NULL) {
        InterlockedExchange(&ext->PingOutstanding, 0);
        return;
    }
    next = IoGetNextIrpStackLocation(irp);
    next->MajorFunction = IRP_MJ_INTERNAL_DEVICE_CONTROL;
    next->Parameters.DeviceIoControl.IoControlCode = IOCTL_WD_PING;
    IoSetCompletionRoutine(irp, WdPingComplete, ext, TRUE, TRUE, TRUE);
    IoCallDriver(ext->Lower, irp);
}

_Use_decl_annotations_
NTSTATUS
WdDispatchPass(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PWD_EXTENSION ext = (PWD_EXTENSION)DeviceObject->DeviceExtension;

    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(ext->Lower, Irp);
}

_Use_decl_annotations_
NTSTATUS
WdDispatchPnp(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PWD_EXTENSION ext = (PWD_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PDEVICE_OBJECT lower = ext->Lower;
    NTSTATUS status;

    switch (stack->MinorFunction) {
    case IRP_MN_START_DEVICE:
        IoStartTimer(DeviceObject);
        break;
    case IRP_MN_REMOVE_DEVICE:
        IoStopTimer(DeviceObject);
        IoSkipCurrentIrpStackLocation(Irp);
        status = IoCallDriver(lower, Irp);
        IoDetachDevice(lower);
        IoDeleteDevice(DeviceObject);
        return status;
    default:
        break;
    }
    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(lower, Irp);
}

_Use_decl_annotations_
NTSTATUS
WdAddDevice(
    PDRIVER_OBJECT DriverObject,
    PDEVICE_OBJECT Pdo
    )
{
    NTSTATUS status;
    PDEVICE_OBJECT filter;
    PWD_EXTENSION ext;

    PAGED_CODE();

    status = IoCreateDevice(DriverObject, sizeof(WD_EXTENSION), NULL, Pdo->DeviceType,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &filter);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PWD_EXTENSION)filter->DeviceExtension;
    RtlZeroMemory(ext, sizeof(WD_EXTENSION));
    ext->Self = filter;

    status = IoInitializeTimer(filter, WdTimer, ext);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(filter);
        return status;
    }
    ext->Lower = IoAttachDeviceToDeviceStack(filter, Pdo);
    if (ext->Lower == NULL) {
        IoDeleteDevice(filter);
        return STATUS_NO_SUCH_DEVICE;
    }
    filter->Flags |= ext->Lower->Flags & (DO_BUFFERED_IO | DO_DIRECT_IO | DO_POWER_PAGABLE);
    filter->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
WdUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    ULONG i;

    UNREFERENCED_PARAMETER(RegistryPath);

    for (i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
        DriverObject->MajorFunction[i] = WdDispatchPass;
    }
    DriverObject->MajorFunction[IRP_MJ_PNP] = WdDispatchPnp;
    DriverObject->DriverExtension->AddDevice = WdAddDevice;
    DriverObject->DriverUnload = WdUnload;
    return STATUS_SUCCESS;
}
