// queue.c - sample queue shared by the IOCTL path and the interrupt DPC.
#include "telemetry.h"

_Use_decl_annotations_
NTSTATUS
TelQueueSample(
    PDEVICE_CONTEXT DevCtx,
    LONG Value
    )
{
    PTEL_SAMPLE sample;

    sample = (PTEL_SAMPLE)ExAllocatePool2(TEL_SAMPLE_POOL_FLAGS, sizeof(TEL_SAMPLE), TEL_TAG_SAMPLE); // expect: PT003
    if (sample == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeQuerySystemTime(&sample->Time);
    sample->Value = Value;

    WdfSpinLockAcquire(DevCtx->SampleLock);
    if (DevCtx->SampleCount >= TEL_MAX_QUEUED) {
        WdfSpinLockRelease(DevCtx->SampleLock);
        ExFreePoolWithTag(sample, TEL_TAG_SAMPLE);
        return STATUS_DEVICE_BUSY;
    }
    InsertTailList(&DevCtx->Samples, &sample->Link);
    DevCtx->SampleCount++;
    WdfSpinLockRelease(DevCtx->SampleLock);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
TelEvtIoDeviceControl(
    WDFQUEUE Queue,
    WDFREQUEST Request,
    size_t OutputBufferLength,
    size_t InputBufferLength,
    ULONG IoControlCode
    )
{
    PDEVICE_CONTEXT devCtx = TelGetContext(WdfIoQueueGetDevice(Queue));
    PLONG value;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(OutputBufferLength);

    if (IoControlCode != IOCTL_TEL_INJECT_SAMPLE || InputBufferLength < sizeof(LONG)) {
        WdfRequestComplete(Request, STATUS_INVALID_DEVICE_REQUEST);
        return;
    }
    status = WdfRequestRetrieveInputBuffer(Request, sizeof(LONG), (PVOID *)&value, NULL);
    if (NT_SUCCESS(status)) {
        status = TelQueueSample(devCtx, *value);
    }
    WdfRequestComplete(Request, status);
}
