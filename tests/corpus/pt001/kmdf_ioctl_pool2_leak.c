// PT001 positive (KMDF): EvtIoDeviceControl allocates with ExAllocatePool2 and
// completes the request on a bad-input path without freeing.
#include <ntddk.h>
#include <wdf.h>
#include "trace.h"

#define QRY_TAG 'yrQK'
#define IOCTL_KSAMPLE_QUERY CTL_CODE(FILE_DEVICE_UNKNOWN, 0x910, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _QUERY_IN {
    ULONG Index;
} QUERY_IN, *PQUERY_IN;

typedef struct _QUERY_OUT {
    ULONG Index;
    ULONG Value;
} QUERY_OUT, *PQUERY_OUT;

typedef struct _DEVICE_CONTEXT {
    ULONG TableSize;
    ULONG Table[16];
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, DeviceGetContext);

EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL KSampleEvtIoDeviceControl;

_Use_decl_annotations_
VOID
KSampleEvtIoDeviceControl(
    WDFQUEUE Queue,
    WDFREQUEST Request,
    size_t OutputBufferLength,
    size_t InputBufferLength,
    ULONG IoControlCode
    )
{
    NTSTATUS status;
    PDEVICE_CONTEXT devCtx = DeviceGetContext(WdfIoQueueGetDevice(Queue));
    PQUERY_IN in;
    PQUERY_OUT out;
    PQUERY_OUT result;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    if (IoControlCode != IOCTL_KSAMPLE_QUERY) {
        WdfRequestComplete(Request, STATUS_INVALID_DEVICE_REQUEST);
        return;
    }

    result = (PQUERY_OUT)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(QUERY_OUT), QRY_TAG); // expect: PT001
    if (result == NULL) {
        WdfRequestComplete(Request, STATUS_INSUFFICIENT_RESOURCES);
        return;
    }

    status = WdfRequestRetrieveInputBuffer(Request, sizeof(QUERY_IN), (PVOID *)&in, NULL);
    if (!NT_SUCCESS(status)) {
        TraceEvents(TRACE_LEVEL_ERROR, TRACE_QUEUE, "input buffer %!STATUS!", status);
        WdfRequestComplete(Request, status);
        return;
    }

    if (in->Index >= devCtx->TableSize) {
        ExFreePoolWithTag(result, QRY_TAG);
        WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
        return;
    }

    result->Index = in->Index;
    result->Value = devCtx->Table[in->Index];

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(QUERY_OUT), (PVOID *)&out, NULL);
    if (NT_SUCCESS(status)) {
        RtlCopyMemory(out, result, sizeof(QUERY_OUT));
    }
    ExFreePoolWithTag(result, QRY_TAG);

    WdfRequestCompleteWithInformation(Request, status, NT_SUCCESS(status) ? sizeof(QUERY_OUT) : 0);
}
