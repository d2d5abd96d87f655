// Only prototypes: the annotations alone say who allocates, who frees and
// who takes ownership (__drv_aliasesMem).

__drv_allocatesMem(Mem) PVOID NodeCreate(_In_ ULONG Tag);
VOID NodeDestroy(_In_ __drv_freesMem(Mem) PVOID Node);
VOID NodeInsert(_Inout_ PLIST_ENTRY Head, _In_ __drv_aliasesMem PVOID Node);

NTSTATUS
NodeForgotten(PLIST_ENTRY Head, BOOLEAN Insert)
{
    PVOID node = NodeCreate('edoN'); // expect: PT001
    if (node == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Insert) {
        NodeInsert(Head, node);
    }
    return STATUS_SUCCESS;
}

NTSTATUS
NodeInsertedOrDestroyed(PLIST_ENTRY Head, BOOLEAN Insert)
{
    PVOID node = NodeCreate('edoN');
    if (node == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Insert) {
        NodeInsert(Head, node);
    } else {
        NodeDestroy(node);
    }
    return STATUS_SUCCESS;
}

NTSTATUS
NodeFreedWithExFreePool(VOID)
{
    PVOID node = NodeCreate('edoN');
    if (node == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ExFreePool(node);
    return STATUS_SUCCESS;
}
