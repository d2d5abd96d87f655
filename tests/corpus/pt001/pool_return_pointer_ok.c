// PT001 negative: a constructor returns the new object to its caller (the
// caller owns it), and the one failure path after the allocation frees it.
#include <ntddk.h>

#define REQ_TAG 'qeRS'

typedef struct _SAMPLE_REQUEST {
    LIST_ENTRY Link;
    KEVENT Done;
    NTSTATUS Status;
    ULONG Length;
    UCHAR Data[ANYSIZE_ARRAY];
} SAMPLE_REQUEST, *PSAMPLE_REQUEST;

#define MAX_REQUEST_DATA 2048

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
PSAMPLE_REQUEST
SampleCreateRequest(
    _In_reads_bytes_opt_(Length) PVOID Data,
    _In_ ULONG Length
    )
{
    PSAMPLE_REQUEST req;

    req = (PSAMPLE_REQUEST)ExAllocatePoolZero(NonPagedPoolNx,
                                              FIELD_OFFSET(SAMPLE_REQUEST, Data) + Length,
                                              REQ_TAG);
    if (req == NULL) {
        return NULL;
    }

    if (Length > MAX_REQUEST_DATA) {
        ExFreePoolWithTag(req, REQ_TAG);
        return NULL;
    }

    KeInitializeEvent(&req->Done, NotificationEvent, FALSE);
    InitializeListHead(&req->Link);
    req->Status = STATUS_PENDING;
    req->Length = Length;
    if (Data != NULL) {
        RtlCopyMemory(req->Data, Data, Length);
    }
    return req;
}
