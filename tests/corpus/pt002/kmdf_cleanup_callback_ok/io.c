// io.c - EvtIoWrite queues each write as a record on the device context.
#include "kfifo.h"

_Use_decl_annotations_
VOID
KfEvtIoWrite(
    WDFQUEUE Queue,
    WDFREQUEST Request,
    size_t Length
    )
{
    WDFDEVICE device = WdfIoQueueGetDevice(Queue);
    PKF_DEVICE_CONTEXT devCtx = KfGetDeviceContext(device);
    PKF_RECORD record;
    PVOID input;
    NTSTATUS status;

    if (Length == 0 || Length > KF_MAX_RECORD) {
        WdfRequestComplete(Request, STATUS_INVALID_BUFFER_SIZE);
        return;
    }
    status = WdfRequestRetrieveInputBuffer(Request, Length, &input, NULL);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    record = (PKF_RECORD)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(KF_RECORD), KF_RECORD_TAG);
    if (record == NULL) {
        WdfRequestComplete(Request, STATUS_INSUFFICIENT_RESOURCES);
        return;
    }
    RtlCopyMemory(record->Data, input, Length);
    record->Length = Length;

    WdfSpinLockAcquire(devCtx->RecordLock);
    InsertTailList(&devCtx->Records, &record->Link);
    WdfSpinLockRelease(devCtx->RecordLock);

    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, Length);
}
