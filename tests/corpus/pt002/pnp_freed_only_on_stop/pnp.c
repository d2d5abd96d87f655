// pnp.c - IRP_MJ_PNP handling.
#include "fdo.h"

_Use_decl_annotations_
NTSTATUS
FdoStartDevice(
    PFDO_EXTENSION Ext,
    PIRP Irp
    )
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PCM_RESOURCE_LIST translated = stack->Parameters.StartDevice.AllocatedResourcesTranslated;
    ULONG size;

    PAGED_CODE();

    if (translated == NULL) {
        return STATUS_DEVICE_CONFIGURATION_ERROR;
    }
    size = FIELD_OFFSET(CM_RESOURCE_LIST, List) +
           translated->Count * sizeof(CM_FULL_RESOURCE_DESCRIPTOR);

    Ext->TranslatedResources = (PCM_RESOURCE_LIST)ExAllocatePool2(POOL_FLAG_PAGED, size, FDO_RES_TAG);
    if (Ext->TranslatedResources == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(Ext->TranslatedResources, translated, size);

    Ext->Descriptors = (PDMA_DESCRIPTOR)ExAllocatePool2(POOL_FLAG_NON_PAGED, // expect: PT002
                                                        FDO_DESCRIPTOR_COUNT * sizeof(DMA_DESCRIPTOR),
                                                        FDO_DESC_TAG);
    if (Ext->Descriptors == NULL) {
        ExFreePoolWithTag(Ext->TranslatedResources, FDO_RES_TAG);
        Ext->TranslatedResources = NULL;
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Ext->Started = TRUE;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
FdoDispatchPnp(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PFDO_EXTENSION ext = (PFDO_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status;

    PAGED_CODE();

    switch (stack->MinorFunction) {
    case IRP_MN_START_DEVICE:
        status = IoForwardIrpSynchronously(ext->LowerDevice, Irp) ? Irp->IoStatus.Status
                                                                   : STATUS_UNSUCCESSFUL;
        if (NT_SUCCESS(status)) {
            status = FdoStartDevice(ext, Irp);
        }
        Irp->IoStatus.Status = status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return status;

    case IRP_MN_STOP_DEVICE:
        if (ext->Descriptors != NULL) {
            ExFreePoolWithTag(ext->Descriptors, FDO_DESC_TAG);
            ext->Descriptors = NULL;
        }
        ext->Started = FALSE;
        Irp->IoStatus.Status = STATUS_SUCCESS;
        break;

    case IRP_MN_REMOVE_DEVICE:
        if (ext->TranslatedResources != NULL) {
            ExFreePoolWithTag(ext->TranslatedResources, FDO_RES_TAG);
            ext->TranslatedResources = NULL;
        }
        Irp->IoStatus.Status = STATUS_SUCCESS;
        IoSkipCurrentIrpStackLocation(Irp);
        status = IoCallDriver(ext->LowerDevice, Irp);
        IoDetachDevice(ext->LowerDevice);
        IoDeleteDevice(DeviceObject);
        return status;

    default:
        break;
    }

    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(ext->LowerDevice, Irp);
}
