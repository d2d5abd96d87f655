// PT002 negative (KMDF): what EvtDevicePrepareHardware allocates into the
// device context, EvtDeviceReleaseHardware frees; there is no cleanup callback
// and no EvtDriverUnload, and that is fine.
#include <ntddk.h>
#include <wdf.h>

typedef struct _RH_CONTEXT {
    PULONG Registers;
} RH_CONTEXT, *PRH_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(RH_CONTEXT, RhGetContext)

EVT_WDF_DRIVER_DEVICE_ADD RhEvtDeviceAdd;
EVT_WDF_DEVICE_PREPARE_HARDWARE RhEvtPrepareHardware;
EVT_WDF_DEVICE_RELEASE_HARDWARE RhEvtReleaseHardware;

_Use_decl_annotations_
NTSTATUS
RhEvtPrepareHardware(WDFDEVICE Device, WDFCMRESLIST Raw, WDFCMRESLIST Translated)
{
    PRH_CONTEXT ctx = RhGetContext(Device);
    UNREFERENCED_PARAMETER(Raw);
    UNREFERENCED_PARAMETER(Translated);
    ctx->Registers = (PULONG)ExAllocatePool2(POOL_FLAG_NON_PAGED, 256, 'gRhR');
    return ctx->Registers != NULL ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}

_Use_decl_annotations_
NTSTATUS
RhEvtReleaseHardware(WDFDEVICE Device, WDFCMRESLIST Translated)
{
    PRH_CONTEXT ctx = RhGetContext(Device);
    UNREFERENCED_PARAMETER(Translated);
    if (ctx->Registers != NULL) {
        ExFreePoolWithTag(ctx->Registers, 'gRhR');
        ctx->Registers = NULL;
    }
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
RhEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_PNPPOWER_EVENT_CALLBACKS callbacks;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFDEVICE device;

    UNREFERENCED_PARAMETER(Driver);
    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&callbacks);
    callbacks.EvtDevicePrepareHardware = RhEvtPrepareHardware;
    callbacks.EvtDeviceReleaseHardware = RhEvtReleaseHardware;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &callbacks);
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, RH_CONTEXT);
    return WdfDeviceCreate(&DeviceInit, &attributes, &device);
}

NTSTATUS
DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;
    WDF_DRIVER_CONFIG_INIT(&config, RhEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}
