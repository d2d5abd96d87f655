// PT002 negative: not only pool.  The device extension holds an IO_WORKITEM
// (IoAllocateWorkItem), a nonpaged buffer and the MDL describing it
// (IoAllocateMdl); the unload routine releases each with its own routine.
#include <ntddk.h>

#define WM_BUF_TAG  'fBmW'
#define WM_BUF_SIZE (2 * PAGE_SIZE)

typedef struct _WM_EXTENSION {
    PDEVICE_OBJECT Self;
    PIO_WORKITEM ResetWorkItem;
    PVOID SharedBuffer;
    PMDL SharedMdl;
} WM_EXTENSION, *PWM_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD WmUnload;

_Use_decl_annotations_
VOID
WmUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PDEVICE_OBJECT deviceObject = DriverObject->DeviceObject;
    PWM_EXTENSION ext;

    PAGED_CODE();

    if (deviceObject == NULL) {
        return;
    }
    ext = (PWM_EXTENSION)deviceObject->DeviceExtension;
    if (ext->SharedMdl != NULL) {
        IoFreeMdl(ext->SharedMdl);
    }
    if (ext->SharedBuffer != NULL) {
        ExFreePoolWithTag(ext->SharedBuffer, WM_BUF_TAG);
    }
    if (ext->ResetWorkItem != NULL) {
        IoFreeWorkItem(ext->ResetWorkItem);
    }
    IoDeleteDevice(deviceObject);
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
    PWM_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&name, L"\\Device\\WmSample");
    status = IoCreateDevice(DriverObject, sizeof(WM_EXTENSION), &name, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PWM_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(WM_EXTENSION));
    ext->Self = deviceObject;

    ext->ResetWorkItem = IoAllocateWorkItem(deviceObject);
    if (ext->ResetWorkItem == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Fail;
    }

    ext->SharedBuffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, WM_BUF_SIZE, WM_BUF_TAG);
    if (ext->SharedBuffer == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Fail;
    }

    ext->SharedMdl = IoAllocateMdl(ext->SharedBuffer, WM_BUF_SIZE, FALSE, FALSE, NULL);
    if (ext->SharedMdl == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Fail;
    }
    MmBuildMdlForNonPagedPool(ext->SharedMdl);

    DriverObject->DriverUnload = WmUnload;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;

Fail:
    if (ext->SharedBuffer != NULL) {
        ExFreePoolWithTag(ext->SharedBuffer, WM_BUF_TAG);
    }
    if (ext->ResetWorkItem != NULL) {
        IoFreeWorkItem(ext->ResetWorkItem);
    }
    IoDeleteDevice(deviceObject);
    return status;
}
