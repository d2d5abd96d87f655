// PT001 negative (KMDF): EvtDeviceAdd-time buffers are stored in the WDF
// device context through its pointer and freed in EvtDeviceCleanup.
#include <ntddk.h>
#include <wdf.h>

#define HIST_TAG 'tsHK'
#define HISTORY_DEPTH 128

typedef struct _DEVICE_CONTEXT {
    PULONG History;
    ULONG HistoryIndex;
    PVOID ScratchPage;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, DeviceGetContext);

EVT_WDF_OBJECT_CONTEXT_CLEANUP KSampleEvtDeviceCleanup;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
KSampleInitDeviceBuffers(
    _In_ WDFDEVICE Device
    )
{
    PDEVICE_CONTEXT devCtx = DeviceGetContext(Device);
    PULONG history;

    PAGED_CODE();

    history = (PULONG)ExAllocatePool2(POOL_FLAG_NON_PAGED, HISTORY_DEPTH * sizeof(ULONG), HIST_TAG);
    if (history == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    devCtx->History = history;
    devCtx->HistoryIndex = 0;

    devCtx->ScratchPage = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, HIST_TAG);
    if (devCtx->ScratchPage == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;   // cleanup callback frees History
    }
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
KSampleEvtDeviceCleanup(
    WDFOBJECT Object
    )
{
    PDEVICE_CONTEXT devCtx = DeviceGetContext((WDFDEVICE)Object);

    if (devCtx->ScratchPage != NULL) {
        ExFreePoolWithTag(devCtx->ScratchPage, HIST_TAG);
    }
    if (devCtx->History != NULL) {
        ExFreePoolWithTag(devCtx->History, HIST_TAG);
    }
}
