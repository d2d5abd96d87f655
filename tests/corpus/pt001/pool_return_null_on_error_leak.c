// PT001 positive (near-miss of pool_return_pointer_ok.c): the constructor
// returns NULL on a bad length after allocating, dropping the allocation.
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

    req = (PSAMPLE_REQUEST)ExAllocatePoolZero(NonPagedPoolNx, // expect: PT001
                                              FIELD_OFFSET(SAMPLE_REQUEST, Data) + Length,
                                              REQ_TAG);
    if (req == NULL) {
        return NULL;
    }

    if (Length > MAX_REQUEST_DATA) {
        KdPrint(("SampleCreateRequest: %lu bytes is too large\n", Length));
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
