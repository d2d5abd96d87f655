// init.c - device creation: rings through the ring helpers, DPC registration.
#include "nic.h"

_Use_decl_annotations_
NTSTATUS
NicCreateDevice(
    PDRIVER_OBJECT DriverObject,
    PDEVICE_OBJECT *DeviceObject
    )
{
    NTSTATUS status;
    UNICODE_STRING name;
    PDEVICE_OBJECT deviceObject;
    PNIC_EXTENSION ext;

    PAGED_CODE();

    *DeviceObject = NULL;
    RtlInitUnicodeString(&name, L"\\Device\\RingNic");
    status = IoCreateDevice(DriverObject, sizeof(NIC_EXTENSION), &name, FILE_DEVICE_NETWORK,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PNIC_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(NIC_EXTENSION));
    ext->Self = deviceObject;
    KeInitializeSpinLock(&ext->Lock);
    InitializeListHead(&ext->Indications);

    status = RingAllocate(&ext->RxRing, NIC_RX_BYTES);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(deviceObject);
        return status;
    }
    status = RingAllocate(&ext->TxRing, NIC_TX_BYTES);
    if (!NT_SUCCESS(status)) {
        RingFree(&ext->RxRing);
        IoDeleteDevice(deviceObject);
        return status;
    }

    KeInitializeDpc(&ext->RxDpc, NicRxDpc, ext);
    *DeviceObject = deviceObject;
    return STATUS_SUCCESS;
}
