// PT002 positive: DriverEntry keeps a copy of its registry path for later
// IoOpenDeviceRegistryKey-style lookups.  RtlDuplicateUnicodeString allocates
// g_RegPath.Buffer from pool; the unload routine tears down the device and the
// symbolic link but never calls RtlFreeUnicodeString(&g_RegPath).
#include <ntddk.h>

UNICODE_STRING g_RegPath;
PDEVICE_OBJECT g_Device;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD RpUnload;

_Use_decl_annotations_
VOID
RpUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNICODE_STRING link;

    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    RtlInitUnicodeString(&link, L"\\DosDevices\\RegPathSample");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(g_Device);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;
    UNICODE_STRING name, link;

    status = RtlDuplicateUnicodeString(RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE, RegistryPath, &g_RegPath); // expect: PT002
    if (!NT_SUCCESS(status)) {
        return status;
    }

    RtlInitUnicodeString(&name, L"\\Device\\RegPathSample");
    status = IoCreateDevice(DriverObject, 0, &name, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &g_Device);
    if (!NT_SUCCESS(status)) {
        RtlFreeUnicodeString(&g_RegPath);
        return status;
    }

    RtlInitUnicodeString(&link, L"\\DosDevices\\RegPathSample");
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(g_Device);
        RtlFreeUnicodeString(&g_RegPath);
        return status;
    }

    DriverObject->DriverUnload = RpUnload;
    g_Device->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
