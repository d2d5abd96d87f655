// PT001 and conditional ownership: QueueRequest takes the request only when
// it succeeds (it frees nothing on failure), so the caller must free it on
// the failure status and must not on success.
#include <ntddk.h>

typedef struct _QR_REQUEST {
    LIST_ENTRY Link;
    ULONG Code;
} QR_REQUEST, *PQR_REQUEST;

typedef struct _QR_QUEUE {
    LIST_ENTRY Pending;
    ULONG Depth;
    ULONG Limit;
} QR_QUEUE, *PQR_QUEUE;

static NTSTATUS
QueueRequest(_Inout_ PQR_QUEUE Queue, _In_ PQR_REQUEST Request)
{
    if (Queue->Depth >= Queue->Limit) {
        return STATUS_DEVICE_BUSY;
    }
    InsertTailList(&Queue->Pending, &Request->Link);
    Queue->Depth++;
    return STATUS_SUCCESS;
}

NTSTATUS
SubmitChecked(_Inout_ PQR_QUEUE Queue, _In_ ULONG Code)
{
    NTSTATUS status;
    PQR_REQUEST request = (PQR_REQUEST)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(QR_REQUEST), 'qRQ1');
    if (request == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    request->Code = Code;
    status = QueueRequest(Queue, request);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(request, 'qRQ1');
    }
    return status;
}

NTSTATUS
SubmitForgetful(_Inout_ PQR_QUEUE Queue, _In_ ULONG Code)
{
    NTSTATUS status;
    PQR_REQUEST request = (PQR_REQUEST)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(QR_REQUEST), 'qRQ2'); // expect: PT001
    if (request == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    request->Code = Code;
    status = QueueRequest(Queue, request);
    if (!NT_SUCCESS(status)) {
        DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "queue full\n");
        return status;
    }
    return STATUS_SUCCESS;
}
