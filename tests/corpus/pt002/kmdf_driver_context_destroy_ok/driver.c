// PT002 negative: the copy of the service's Parameters key name is kept in
// the WDFDRIVER's context and freed by the driver object's EvtDestroyCallback
// (set on the WDF_OBJECT_ATTRIBUTES passed to WdfDriverCreate).
#include <ntddk.h>
#include <wdf.h>

#define KD_NAME_TAG 'mNdK'

typedef struct _DRIVER_CONTEXT {
    UNICODE_STRING ParametersKey;
    ULONG TraceLevel;
} DRIVER_CONTEXT, *PDRIVER_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DRIVER_CONTEXT, GetDriverContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD KdEvtDeviceAdd;
EVT_WDF_OBJECT_CONTEXT_DESTROY KdEvtDriverContextDestroy;

_Use_decl_annotations_
VOID
KdEvtDriverContextDestroy(
    WDFOBJECT Object
    )
{
    PDRIVER_CONTEXT drvCtx = GetDriverContext((WDFDRIVER)Object);

    if (drvCtx->ParametersKey.Buffer != NULL) {
        ExFreePoolWithTag(drvCtx->ParametersKey.Buffer, KD_NAME_TAG);
        drvCtx->ParametersKey.Buffer = NULL;
    }
}

_Use_decl_annotations_
NTSTATUS
KdEvtDeviceAdd(
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
    static const WCHAR suffix[] = L"\\Parameters";
    WDF_DRIVER_CONFIG config;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFDRIVER driver;
    PDRIVER_CONTEXT drvCtx;
    USHORT bytes;
    NTSTATUS status;

    WDF_DRIVER_CONFIG_INIT(&config, KdEvtDeviceAdd);
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DRIVER_CONTEXT);
    attributes.EvtDestroyCallback = KdEvtDriverContextDestroy;

    status = WdfDriverCreate(DriverObject, RegistryPath, &attributes, &config, &driver);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    drvCtx = GetDriverContext(driver);
    bytes = RegistryPath->Length + sizeof(suffix);
    drvCtx->ParametersKey.Buffer = (PWSTR)ExAllocatePool2(POOL_FLAG_PAGED, bytes, KD_NAME_TAG);
    if (drvCtx->ParametersKey.Buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    drvCtx->ParametersKey.Length = 0;
    drvCtx->ParametersKey.MaximumLength = bytes;
    RtlCopyUnicodeString(&drvCtx->ParametersKey, RegistryPath);
    RtlAppendUnicodeToString(&drvCtx->ParametersKey, suffix);
    return STATUS_SUCCESS;
}
