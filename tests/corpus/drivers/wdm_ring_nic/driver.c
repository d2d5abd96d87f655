// driver.c - findings of this driver:
//   rx.c  PT002  indications queued by the receive DPC on the extension's
//                Indications list are never drained: NicTeardown frees both
//                rings (allocated through RingAllocate in ring.c) but not
//                the list.
#include "nic.h"

static
VOID
NicTeardown(
    _Inout_ PNIC_EXTENSION Ext
    )
{
    KeRemoveQueueDpc(&Ext->RxDpc);
    KeFlushQueuedDpcs();
    RingFree(&Ext->TxRing);
    RingFree(&Ext->RxRing);
}

_Use_decl_annotations_
VOID
NicUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PDEVICE_OBJECT deviceObject = DriverObject->DeviceObject;

    PAGED_CODE();

    if (deviceObject != NULL) {
        NicTeardown((PNIC_EXTENSION)deviceObject->DeviceExtension);
        IoDeleteDevice(deviceObject);
    }
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    PDEVICE_OBJECT deviceObject;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);

    status = NicCreateDevice(DriverObject, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    DriverObject->DriverUnload = NicUnload;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
