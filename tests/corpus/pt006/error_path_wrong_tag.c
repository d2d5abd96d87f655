// PT006 positive: the success path frees the table with its own tag, the
// copy-pasted error path uses the tag of a different allocation.
#include <ntddk.h>

#define RT_TABLE_TAG  'bTtR'
#define RT_ENTRY_TAG  'nEtR'

typedef struct _RT_ROUTE {
    ULONG Destination;
    ULONG Mask;
    ULONG Gateway;
} RT_ROUTE, *PRT_ROUTE;

NTSTATUS
RtReadRoutes(
    _Out_writes_(Count) PRT_ROUTE Routes,
    _In_ ULONG Count
    );

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
RtCountDefaultRoutes(
    _In_ ULONG Count,
    _Out_ PULONG Defaults
    )
{
    PRT_ROUTE table;
    NTSTATUS status;
    ULONG i;

    *Defaults = 0;
    table = (PRT_ROUTE)ExAllocatePool2(POOL_FLAG_PAGED, Count * sizeof(RT_ROUTE), RT_TABLE_TAG);
    if (table == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    status = RtReadRoutes(table, Count);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(table, RT_ENTRY_TAG); // expect: PT006
        return status;
    }
    for (i = 0; i < Count; i++) {
        if (table[i].Mask == 0) {
            (*Defaults)++;
        }
    }
    ExFreePoolWithTag(table, RT_TABLE_TAG);
    return STATUS_SUCCESS;
}
