// PT002 positive: two device-extension types share the field name Buffer.
// The filter devices' FILTER_EXTENSION.Buffer is freed at IRP_MN_REMOVE_DEVICE;
// the control device's CONTROL_EXTENSION.Buffer is allocated in DriverEntry
// and the unload routine deletes the control device without freeing it.
// Matching releases by field name alone would wrongly clear the second one.
#include <wdm.h>

#define FLT_BUF_TAG  'bFlF'
#define CTL_BUF_TAG  'bClF'
#define FLT_BUF_SIZE 256
#define CTL_BUF_SIZE 4096

typedef struct _FILTER_EXTENSION {
    PDEVICE_OBJECT Lower;
    PVOID Buffer;
} FILTER_EXTENSION, *PFILTER_EXTENSION;

typedef struct _CONTROL_EXTENSION {
    ULONG OpenCount;
    PVOID Buffer;
} CONTROL_EXTENSION, *PCONTROL_EXTENSION;

PDEVICE_OBJECT g_ControlDevice;

DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE FlAddDevice;
DRIVER_UNLOAD FlUnload;
_Dispatch_type_(IRP_MJ_PNP) DRIVER_DISPATCH FlDispatchPnp;
DRIVER_DISPATCH FlDispatchPass;

_Use_decl_annotations_
NTSTATUS
FlAddDevice(
    PDRIVER_OBJECT DriverObject,
    PDEVICE_OBJECT Pdo
    )
{
    NTSTATUS status;
    PDEVICE_OBJECT filter;
    PFILTER_EXTENSION fext;

    PAGED_CODE();

    status = IoCreateDevice(DriverObject, sizeof(FILTER_EXTENSION), NULL,
                            Pdo->DeviceType, FILE_DEVICE_SECURE_OPEN, FALSE, &filter);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    fext = (PFILTER_EXTENSION)filter->DeviceExtension;
    fext->Buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, FLT_BUF_SIZE, FLT_BUF_TAG);
    if (fext->Buffer == NULL) {
        IoDeleteDevice(filter);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    fext->Lower = IoAttachDeviceToDeviceStack(filter, Pdo);
    if (fext->Lower == NULL) {
        ExFreePoolWithTag(fext->Buffer, FLT_BUF_TAG);
        IoDeleteDevice(filter);
        return STATUS_NO_SUCH_DEVICE;
    }
    filter->Flags |= fext->Lower->Flags & (DO_BUFFERED_IO | DO_DIRECT_IO | DO_POWER_PAGABLE);
    filter->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
FlDispatchPass(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PFILTER_EXTENSION fext;

    if (DeviceObject == g_ControlDevice) {
        Irp->IoStatus.Status = STATUS_INVALID_DEVICE_REQUEST;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_INVALID_DEVICE_REQUEST;
    }
    fext = (PFILTER_EXTENSION)DeviceObject->DeviceExtension;
    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(fext->Lower, Irp);
}

_Use_decl_annotations_
NTSTATUS
FlDispatchPnp(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PFILTER_EXTENSION fext = (PFILTER_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PDEVICE_OBJECT lower = fext->Lower;
    NTSTATUS status;

    if (stack->MinorFunction == IRP_MN_REMOVE_DEVICE) {
        ExFreePoolWithTag(fext->Buffer, FLT_BUF_TAG);
        fext->Buffer = NULL;
        IoSkipCurrentIrpStackLocation(Irp);
        status = IoCallDriver(lower, Irp);
        IoDetachDevice(lower);
        IoDeleteDevice(DeviceObject);
        return status;
    }
    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(lower, Irp);
}

_Use_decl_annotations_
VOID
FlUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    if (g_ControlDevice != NULL) {
        IoDeleteDevice(g_ControlDevice);
        g_ControlDevice = NULL;
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
    PCONTROL_EXTENSION cext;
    ULONG i;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&name, L"\\Device\\FlControl");
    status = IoCreateDevice(DriverObject, sizeof(CONTROL_EXTENSION), &name,
                            FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE,
                            &g_ControlDevice);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    cext = (PCONTROL_EXTENSION)g_ControlDevice->DeviceExtension;
    cext->OpenCount = 0;
    cext->Buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, CTL_BUF_SIZE, CTL_BUF_TAG); // expect: PT002
    if (cext->Buffer == NULL) {
        IoDeleteDevice(g_ControlDevice);
        g_ControlDevice = NULL;
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    for (i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
        DriverObject->MajorFunction[i] = FlDispatchPass;
    }
    DriverObject->MajorFunction[IRP_MJ_PNP] = FlDispatchPnp;
    DriverObject->DriverExtension->AddDevice = FlAddDevice;
    DriverObject->DriverUnload = FlUnload;
    g_ControlDevice->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
