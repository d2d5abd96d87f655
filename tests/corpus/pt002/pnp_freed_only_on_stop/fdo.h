// fdo.h - WDM function driver for a simple DMA-capable PCI device.
#pragma once
#include <wdm.h>

#define FDO_RES_TAG   'sRdF'
#define FDO_DESC_TAG  'sDdF'
#define FDO_DESCRIPTOR_COUNT 64

typedef struct _DMA_DESCRIPTOR {
    PHYSICAL_ADDRESS Address;
    ULONG Length;
    ULONG Control;
} DMA_DESCRIPTOR, *PDMA_DESCRIPTOR;

typedef struct _FDO_EXTENSION {
    PDEVICE_OBJECT Self;
    PDEVICE_OBJECT LowerDevice;
    PDEVICE_OBJECT Pdo;
    PCM_RESOURCE_LIST TranslatedResources;
    PDMA_DESCRIPTOR Descriptors;
    BOOLEAN Started;
} FDO_EXTENSION, *PFDO_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE FdoAddDevice;
DRIVER_UNLOAD FdoUnload;
_Dispatch_type_(IRP_MJ_PNP) DRIVER_DISPATCH FdoDispatchPnp;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
FdoStartDevice(
    _In_ PFDO_EXTENSION Ext,
    _In_ PIRP Irp
    );
