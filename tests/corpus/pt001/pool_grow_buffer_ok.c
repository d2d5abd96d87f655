// PT001 negative (near-miss of pool_overwritten_pointer_leak.c): the small
// buffer is freed before the pointer is replaced by the bigger allocation.
#include <ntddk.h>

#define TBL_TAG 'lbTR'
#define DEFAULT_TABLE_BYTES 256

typedef struct _DEVICE_EXTENSION {
    PUCHAR RouteTable;
    ULONG RouteTableBytes;
    UCHAR RomImage[4096];
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
LoadRouteTable(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ ULONG RequiredBytes
    )
{
    PUCHAR table;
    ULONG tableBytes = DEFAULT_TABLE_BYTES;

    PAGED_CODE();

    if (RequiredBytes > sizeof(DevExt->RomImage)) {
        return STATUS_INVALID_PARAMETER;
    }

    table = (PUCHAR)ExAllocatePoolWithTag(PagedPool, tableBytes, TBL_TAG);
    if (table == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    if (RequiredBytes > tableBytes) {
        ExFreePoolWithTag(table, TBL_TAG);
        tableBytes = RequiredBytes;
        table = (PUCHAR)ExAllocatePoolWithTag(PagedPool, tableBytes, TBL_TAG);
        if (table == NULL) {
            return STATUS_INSUFFICIENT_RESOURCES;
        }
    }

    RtlZeroMemory(table, tableBytes);
    RtlCopyMemory(table, DevExt->RomImage, RequiredBytes);
    DevExt->RouteTable = table;
    DevExt->RouteTableBytes = tableBytes;
    return STATUS_SUCCESS;
}
