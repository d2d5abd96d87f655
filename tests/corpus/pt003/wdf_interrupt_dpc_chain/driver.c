// PT003 positive (with interrupt.c, samples.c, log.c): the interrupt DPC
// (third argument of WDF_INTERRUPT_CONFIG_INIT) calls AccProcessSamples in
// samples.c, which calls AccLogOutlier in log.c, which allocates with
// ExAllocatePoolWithQuotaTag.  The finding is at that call, two files away.
#include "accel.h"

_Use_decl_annotations_
NTSTATUS
AccEvtDeviceAdd(
    WDFDRIVER Driver,
    PWDFDEVICE_INIT DeviceInit
    )
{
    NTSTATUS status;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_INTERRUPT_CONFIG interruptConfig;
    WDFDEVICE device;
    PDEVICE_CONTEXT devCtx;

    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    devCtx = AccGetContext(device);

    WDF_INTERRUPT_CONFIG_INIT(&interruptConfig, AccEvtIsr, AccEvtInterruptDpc);
    return WdfInterruptCreate(device, &interruptConfig, WDF_NO_OBJECT_ATTRIBUTES, &devCtx->Interrupt);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, AccEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}
