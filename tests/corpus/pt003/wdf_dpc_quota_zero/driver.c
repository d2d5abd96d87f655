// PT003 positive: a KMDF DPC object (WDF_DPC_CONFIG_INIT + WdfDpcCreate)
// whose EvtDpcFunc builds a completion record with ExAllocatePoolQuotaZero.
#include <ntddk.h>
#include <wdf.h>

#define KQ_TAG 'cRqK'

typedef struct _KQ_COMPLETION {
    ULONG Sequence;
    NTSTATUS Status;
    ULONG_PTR Information;
} KQ_COMPLETION, *PKQ_COMPLETION;

typedef struct _DEVICE_CONTEXT {
    WDFDPC CompletionDpc;
    ULONG Sequence;
    KQ_COMPLETION LastCompletion;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetDeviceContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD KqEvtDeviceAdd;
EVT_WDF_DPC KqEvtCompletionDpc;

_Use_decl_annotations_
VOID
KqEvtCompletionDpc(
    WDFDPC Dpc
    )
{
    WDFDEVICE device = (WDFDEVICE)WdfDpcGetParentObject(Dpc);
    PDEVICE_CONTEXT devCtx = GetDeviceContext(device);
    PKQ_COMPLETION record;

    record = (PKQ_COMPLETION)ExAllocatePoolQuotaZero(NonPagedPoolNx, sizeof(KQ_COMPLETION), KQ_TAG); // expect: PT003
    if (record == NULL) {
        return;
    }
    record->Sequence = ++devCtx->Sequence;
    record->Status = STATUS_SUCCESS;
    RtlCopyMemory(&devCtx->LastCompletion, record, sizeof(KQ_COMPLETION));
    ExFreePoolWithTag(record, KQ_TAG);
}

_Use_decl_annotations_
NTSTATUS
KqEvtDeviceAdd(
    WDFDRIVER Driver,
    PWDFDEVICE_INIT DeviceInit
    )
{
    NTSTATUS status;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_DPC_CONFIG dpcConfig;
    WDFDEVICE device;
    PDEVICE_CONTEXT devCtx;

    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    devCtx = GetDeviceContext(device);

    WDF_DPC_CONFIG_INIT(&dpcConfig, KqEvtCompletionDpc);
    dpcConfig.AutomaticSerialization = TRUE;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    return WdfDpcCreate(&dpcConfig, &attributes, &devCtx->CompletionDpc);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, KqEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}
