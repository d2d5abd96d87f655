// PT001 positive through a typedef'd struct pointer: clang resolves PCONN to
// a pointer type; the allocation leaks when the second allocation fails.
#include <ntddk.h>

#define CONN_TAG 'nnoC'

typedef struct _CONNECTION {
    LIST_ENTRY Link;
    PVOID Buffer;
    ULONG Length;
} CONNECTION, *PCONNECTION;

typedef PCONNECTION PCONN;

NTSTATUS
OpenConnection(
    _Out_ PCONN *Result
    )
{
    PCONN conn;

    conn = (PCONN)ExAllocatePoolZero(NonPagedPoolNx, sizeof(CONNECTION), CONN_TAG); // expect: PT001
    if (conn == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    conn->Length = 256;
    conn->Buffer = ExAllocatePoolZero(NonPagedPoolNx, conn->Length, CONN_TAG);
    if (conn->Buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    *Result = conn;
    return STATUS_SUCCESS;
}
