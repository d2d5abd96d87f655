// PT002 positive (with device.c): the calibration table hangs off the WDF
// device context, but no EvtCleanupCallback/EvtDestroyCallback is set on the
// device and the driver's EvtDriverUnload only logs, so the table is never
// released.
#include "kcal.h"

_Use_decl_annotations_
VOID
KcalEvtDriverUnload(
    WDFDRIVER Driver
    )
{
    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();
    KdPrint(("kcal: driver unloading\n"));
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

    WDF_DRIVER_CONFIG_INIT(&config, KcalEvtDeviceAdd);
    config.EvtDriverUnload = KcalEvtDriverUnload;

    status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                             &config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        KdPrint(("kcal: WdfDriverCreate failed 0x%x\n", status));
    }
    return status;
}
