// PT002 positive: a legacy driver that never sets DriverObject->DriverUnload.
// The copy of its registry path lives in a global that nothing can release;
// with no teardown routine every stored allocation is outstanding for good.
#include <ntddk.h>

#define PATH_TAG 'tPuN'

UNICODE_STRING g_ServiceKey;

DRIVER_INITIALIZE DriverEntry;
_Dispatch_type_(IRP_MJ_CREATE)
_Dispatch_type_(IRP_MJ_CLOSE)
DRIVER_DISPATCH NuCreateClose;

_Use_decl_annotations_
NTSTATUS
NuCreateClose(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;
    UNICODE_STRING deviceName;
    PDEVICE_OBJECT deviceObject = NULL;

    g_ServiceKey.Buffer = (PWSTR)ExAllocatePool2(POOL_FLAG_PAGED, RegistryPath->Length, PATH_TAG); // expect: PT002
    if (g_ServiceKey.Buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    g_ServiceKey.Length = 0;
    g_ServiceKey.MaximumLength = RegistryPath->Length;
    RtlCopyUnicodeString(&g_ServiceKey, RegistryPath);

    RtlInitUnicodeString(&deviceName, L"\\Device\\NoUnloadSample");
    status = IoCreateDevice(DriverObject, 0, &deviceName, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(g_ServiceKey.Buffer, PATH_TAG);
        g_ServiceKey.Buffer = NULL;
        return status;
    }

    DriverObject->MajorFunction[IRP_MJ_CREATE] = NuCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = NuCreateClose;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
