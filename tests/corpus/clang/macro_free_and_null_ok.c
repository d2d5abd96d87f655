// clang PT001 negative: classpnp's FREE_POOL shape, a statement macro that
// frees the buffer and sets the pointer to NULL; every path releases.  Inside
// the expansion the operators and the NULL come from clang, not from the text
// of the macro's use (which once made `p = NULL` an unknown operator and the
// NULL the number "FREE_POOL(buffer)").
#include <ntddk.h>

#define SECTOR_TAG 'ceSP'

#define FREE_POOL(_PoolPtr)          \
    if ((_PoolPtr) != NULL) {        \
        ExFreePool(_PoolPtr);        \
        (_PoolPtr) = NULL;           \
    }

NTSTATUS
ZeroSector(
    _In_ ULONG Size
    )
{
    NTSTATUS status;
    PUCHAR buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, SECTOR_TAG);

    if (buffer != NULL) {
        RtlZeroMemory(buffer, Size);
        status = buffer[0] == 0 ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
        FREE_POOL(buffer);
    } else {
        status = STATUS_INSUFFICIENT_RESOURCES;
    }
    return status;
}
