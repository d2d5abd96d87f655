// driver.c - findings of this driver:
//   device.c  PT002  the limits table hangs off the context, cleanup forgets it
//   queue.c   PT003  TelQueueSample charges quota and the interrupt DPC calls it
#include "telemetry.h"

UNICODE_STRING g_TelRegistryPath;

_Use_decl_annotations_
VOID
TelEvtDriverUnload(
    WDFDRIVER Driver
    )
{
    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();
    RtlFreeUnicodeString(&g_TelRegistryPath);
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

    status = RtlDuplicateUnicodeString(RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE,
                                       RegistryPath, &g_TelRegistryPath);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_DRIVER_CONFIG_INIT(&config, TelEvtDeviceAdd);
    config.EvtDriverUnload = TelEvtDriverUnload;
    status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        RtlFreeUnicodeString(&g_TelRegistryPath);
    }
    return status;
}
