// PT002 positive: the control device's extension holds two buffers.  The
// unload routine frees Scratch and deletes the device, but RequestLog (a
// DEVICE_EXTENSION field) is never released anywhere teardown reaches.
#include <ntddk.h>

#define LOG_TAG      'gLxE'
#define SCRATCH_TAG  'cSxE'
#define LOG_ENTRIES  512

typedef struct _REQUEST_RECORD {
    ULONG MajorFunction;
    ULONG IoControlCode;
    LARGE_INTEGER Timestamp;
} REQUEST_RECORD, *PREQUEST_RECORD;

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT Self;
    KSPIN_LOCK LogLock;
    PREQUEST_RECORD RequestLog;
    ULONG LogNext;
    PVOID Scratch;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD ExUnload;

static const WCHAR ExDeviceName[] = L"\\Device\\ExtLogSample";

_Use_decl_annotations_
VOID
ExUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PDEVICE_OBJECT deviceObject = DriverObject->DeviceObject;
    PDEVICE_EXTENSION ext;

    PAGED_CODE();

    if (deviceObject == NULL) {
        return;
    }
    ext = (PDEVICE_EXTENSION)deviceObject->DeviceExtension;
    if (ext->Scratch != NULL) {
        ExFreePoolWithTag(ext->Scratch, SCRATCH_TAG);
        ext->Scratch = NULL;
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
    PDEVICE_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&name, ExDeviceName);
    status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), &name,
                            FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE,
                            &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    ext = (PDEVICE_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(DEVICE_EXTENSION));
    ext->Self = deviceObject;
    KeInitializeSpinLock(&ext->LogLock);

    ext->RequestLog = (PREQUEST_RECORD)ExAllocatePool2(POOL_FLAG_NON_PAGED, // expect: PT002
                                                       LOG_ENTRIES * sizeof(REQUEST_RECORD),
                                                       LOG_TAG);
    if (ext->RequestLog == NULL) {
        IoDeleteDevice(deviceObject);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    ext->Scratch = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, SCRATCH_TAG);
    if (ext->Scratch == NULL) {
        ExFreePoolWithTag(ext->RequestLog, LOG_TAG);
        IoDeleteDevice(deviceObject);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    DriverObject->DriverUnload = ExUnload;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
