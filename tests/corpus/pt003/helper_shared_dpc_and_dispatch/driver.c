// PT003 positive (with history.c): see history.c.
#include "cx.h"

_Use_decl_annotations_
VOID
CxCompletionDpc(
    PKDPC Dpc,
    PVOID DeferredContext,
    PVOID SystemArgument1,
    PVOID SystemArgument2
    )
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument2);
    CxRecordEvent((PCX_EXTENSION)DeferredContext, (ULONG)(ULONG_PTR)SystemArgument1);
}

_Use_decl_annotations_
NTSTATUS
CxDeviceControl(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PCX_EXTENSION ext = (PCX_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status = STATUS_INVALID_DEVICE_REQUEST;

    if (stack->Parameters.DeviceIoControl.IoControlCode == IOCTL_CX_MARK &&
        stack->Parameters.DeviceIoControl.InputBufferLength >= sizeof(ULONG)) {
        CxRecordEvent(ext, *(PULONG)Irp->AssociatedIrp.SystemBuffer);
        KeInsertQueueDpc(&ext->CompletionDpc, (PVOID)(ULONG_PTR)0xC0DE, NULL);
        status = STATUS_SUCCESS;
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

_Use_decl_annotations_
VOID
CxUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PAGED_CODE();
    if (DriverObject->DeviceObject != NULL) {
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
    PCX_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&name, L"\\Device\\CxHistory");
    status = IoCreateDevice(DriverObject, sizeof(CX_EXTENSION), &name, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PCX_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(CX_EXTENSION));
    KeInitializeSpinLock(&ext->HistoryLock);
    KeInitializeDpc(&ext->CompletionDpc, CxCompletionDpc, ext);

    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = CxDeviceControl;
    DriverObject->DriverUnload = CxUnload;
    deviceObject->Flags |= DO_BUFFERED_IO;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
