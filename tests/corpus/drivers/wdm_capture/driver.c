// driver.c - see capture.h for the file map.  Findings of this driver:
//   buffers.c  PT002  the statistics block is never freed at unload
//   buffers.c  PT003  CapRecordEvent charges quota and the timer DPC calls it
//   ioctl.c    PT006  the snapshot copy is freed with the ring's tag
#include "capture.h"

_Use_decl_annotations_
NTSTATUS
CapCreateClose(
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
VOID
CapUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PDEVICE_OBJECT deviceObject = DriverObject->DeviceObject;
    PCAP_EXTENSION ext;
    UNICODE_STRING link;

    PAGED_CODE();

    RtlInitUnicodeString(&link, L"\\DosDevices\\Capture");
    IoDeleteSymbolicLink(&link);
    if (deviceObject == NULL) {
        return;
    }
    ext = (PCAP_EXTENSION)deviceObject->DeviceExtension;
    KeCancelTimer(&ext->SampleTimer);
    KeFlushQueuedDpcs();
    CapFreeBuffers(ext);
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
    UNICODE_STRING name, link;
    PDEVICE_OBJECT deviceObject;
    PCAP_EXTENSION ext;
    LARGE_INTEGER due;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&name, L"\\Device\\Capture");
    status = IoCreateDevice(DriverObject, sizeof(CAP_EXTENSION), &name, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PCAP_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(CAP_EXTENSION));
    ext->Self = deviceObject;
    KeInitializeSpinLock(&ext->Lock);
    InitializeListHead(&ext->Events);

    status = CapAllocateBuffers(ext);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(deviceObject);
        return status;
    }

    RtlInitUnicodeString(&link, L"\\DosDevices\\Capture");
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        CapFreeBuffers(ext);
        IoDeleteDevice(deviceObject);
        return status;
    }

    KeInitializeTimerEx(&ext->SampleTimer, SynchronizationTimer);
    KeInitializeDpc(&ext->SampleDpc, CapSampleDpc, ext);
    due.QuadPart = -10000LL * CAP_PERIOD_MS;
    KeSetTimerEx(&ext->SampleTimer, due, CAP_PERIOD_MS, &ext->SampleDpc);

    DriverObject->MajorFunction[IRP_MJ_CREATE] = CapCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = CapCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = CapDeviceControl;
    DriverObject->DriverUnload = CapUnload;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
