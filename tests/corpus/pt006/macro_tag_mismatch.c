// PT006 positive: request and response buffers have their own tags; the
// response buffer is freed with the request tag.
#include <ntddk.h>

#define MB_REQUEST_TAG   'qRbM'
#define MB_RESPONSE_TAG  'sRbM'
#define MB_MAX_MESSAGE   512

NTSTATUS
MbTransact(
    _In_reads_bytes_(RequestLength) PVOID Request,
    _In_ ULONG RequestLength,
    _Out_writes_bytes_(ResponseLength) PVOID Response,
    _In_ ULONG ResponseLength
    );

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
MbPing(
    _Out_ PULONG Echo
    )
{
    PULONG request;
    PULONG response;
    NTSTATUS status;

    request = (PULONG)ExAllocatePool2(POOL_FLAG_PAGED, MB_MAX_MESSAGE, MB_REQUEST_TAG);
    if (request == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    response = (PULONG)ExAllocatePool2(POOL_FLAG_PAGED, MB_MAX_MESSAGE, MB_RESPONSE_TAG);
    if (response == NULL) {
        ExFreePoolWithTag(request, MB_REQUEST_TAG);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    request[0] = 0x50494E47;            // 'PING'
    status = MbTransact(request, sizeof(ULONG), response, MB_MAX_MESSAGE);
    *Echo = NT_SUCCESS(status) ? response[0] : 0;

    ExFreePoolWithTag(response, MB_REQUEST_TAG); // expect: PT006
    ExFreePoolWithTag(request, MB_REQUEST_TAG);
    return status;
}
