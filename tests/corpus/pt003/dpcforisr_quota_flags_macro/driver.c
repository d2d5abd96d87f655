// PT003 positive (with isr.c): the DpcForIsr registered by
// IoInitializeDpcRequest allocates with UART_RX_POOL_FLAGS, a macro from
// uart.h that includes POOL_FLAG_USE_QUOTA.
#include "uart.h"

_Use_decl_annotations_
NTSTATUS
UartDispatchPnp(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PUART_EXTENSION ext = (PUART_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    IO_CONNECT_INTERRUPT_PARAMETERS connect;
    NTSTATUS status;

    switch (stack->MinorFunction) {
    case IRP_MN_START_DEVICE:
        if (!IoForwardIrpSynchronously(ext->Lower, Irp) || !NT_SUCCESS(Irp->IoStatus.Status)) {
            status = Irp->IoStatus.Status;
            break;
        }
        RtlZeroMemory(&connect, sizeof(connect));
        connect.Version = CONNECT_LINE_BASED;
        connect.LineBased.PhysicalDeviceObject = ext->Lower;
        connect.LineBased.InterruptObject = &ext->Interrupt;
        connect.LineBased.ServiceRoutine = UartIsr;
        connect.LineBased.ServiceContext = ext;
        status = IoConnectInterruptEx(&connect);
        break;

    case IRP_MN_REMOVE_DEVICE:
        if (ext->Interrupt != NULL) {
            IO_DISCONNECT_INTERRUPT_PARAMETERS disconnect;
            disconnect.Version = CONNECT_LINE_BASED;
            disconnect.ConnectionContext.InterruptObject = ext->Interrupt;
            IoDisconnectInterruptEx(&disconnect);
        }
        IoSkipCurrentIrpStackLocation(Irp);
        status = IoCallDriver(ext->Lower, Irp);
        IoDetachDevice(ext->Lower);
        IoDeleteDevice(DeviceObject);
        return status;

    default:
        IoSkipCurrentIrpStackLocation(Irp);
        return IoCallDriver(ext->Lower, Irp);
    }

    Irp->IoStatus.Status = status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

_Use_decl_annotations_
NTSTATUS
UartAddDevice(
    PDRIVER_OBJECT DriverObject,
    PDEVICE_OBJECT Pdo
    )
{
    NTSTATUS status;
    PDEVICE_OBJECT fdo;
    PUART_EXTENSION ext;

    PAGED_CODE();

    status = IoCreateDevice(DriverObject, sizeof(UART_EXTENSION), NULL, FILE_DEVICE_SERIAL_PORT,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &fdo);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PUART_EXTENSION)fdo->DeviceExtension;
    RtlZeroMemory(ext, sizeof(UART_EXTENSION));
    ext->Self = fdo;
    IoInitializeDpcRequest(fdo, UartDpcForIsr);

    ext->Lower = IoAttachDeviceToDeviceStack(fdo, Pdo);
    if (ext->Lower == NULL) {
        IoDeleteDevice(fdo);
        return STATUS_NO_SUCH_DEVICE;
    }
    fdo->Flags |= DO_BUFFERED_IO;
    fdo->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
UartUnload(
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
    UNREFERENCED_PARAMETER(RegistryPath);

    DriverObject->MajorFunction[IRP_MJ_PNP] = UartDispatchPnp;
    DriverObject->DriverExtension->AddDevice = UartAddDevice;
    DriverObject->DriverUnload = UartUnload;
    return STATUS_SUCCESS;
}
