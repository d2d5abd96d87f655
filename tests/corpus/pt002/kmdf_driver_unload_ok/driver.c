// PT002 negative: a KMDF driver's global lookup table is allocated in
// DriverEntry and released in EvtDriverUnload (WDF_DRIVER_CONFIG's
// EvtDriverUnload member); the failure path after WdfDriverCreate frees it too.
#include <ntddk.h>
#include <wdf.h>

#define KU_TABLE_TAG 'bTuK'
#define KU_TABLE_SIZE 1024

typedef struct _KU_GLOBALS {
    PULONG CrcTable;
    WDFDRIVER Driver;
} KU_GLOBALS;

KU_GLOBALS g_Ku;

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD KuEvtDeviceAdd;
EVT_WDF_DRIVER_UNLOAD KuEvtDriverUnload;

static
VOID
KuBuildCrcTable(
    _Out_writes_(KU_TABLE_SIZE / sizeof(ULONG)) PULONG Table
    )
{
    ULONG i, j, crc;

    for (i = 0; i < KU_TABLE_SIZE / sizeof(ULONG); i++) {
        crc = i;
        for (j = 0; j < 8; j++) {
            crc = (crc & 1) ? (crc >> 1) ^ 0xEDB88320 : (crc >> 1);
        }
        Table[i] = crc;
    }
}

_Use_decl_annotations_
VOID
KuEvtDriverUnload(
    WDFDRIVER Driver
    )
{
    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();

    if (g_Ku.CrcTable != NULL) {
        ExFreePoolWithTag(g_Ku.CrcTable, KU_TABLE_TAG);
        g_Ku.CrcTable = NULL;
    }
}

_Use_decl_annotations_
NTSTATUS
KuEvtDeviceAdd(
    WDFDRIVER Driver,
    PWDFDEVICE_INIT DeviceInit
    )
{
    WDFDEVICE device;

    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();
    return WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    WDF_DRIVER_CONFIG config;
    NTSTATUS status;

    g_Ku.CrcTable = (PULONG)ExAllocatePool2(POOL_FLAG_NON_PAGED, KU_TABLE_SIZE, KU_TABLE_TAG);
    if (g_Ku.CrcTable == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KuBuildCrcTable(g_Ku.CrcTable);

    WDF_DRIVER_CONFIG_INIT(&config, KuEvtDeviceAdd);
    config.EvtDriverUnload = KuEvtDriverUnload;

    status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                             &config, &g_Ku.Driver);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(g_Ku.CrcTable, KU_TABLE_TAG);
        g_Ku.CrcTable = NULL;
    }
    return status;
}
