// A project's own allocator and release, declared with SAL driver
// annotations.  Their bodies call a routine pooltrack knows nothing about,
// so without the annotations it could not tell what they do.

_IRQL_requires_max_(DISPATCH_LEVEL)
__drv_allocatesMem(Mem)
_Must_inspect_result_
PVOID
CtxAllocate(
    _In_ SIZE_T Size
    )
{
    return PlatformAlloc(Size);
}

VOID
CtxFree(
    _In_ __drv_freesMem(Mem) PVOID Context
    )
{
    PlatformFree(Context);
}

NTSTATUS
CtxLeaksOnError(PDEVICE_OBJECT Device)
{
    PVOID ctx = CtxAllocate(64); // expect: PT001
    if (ctx == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlZeroMemory(ctx, 64);
    if (!NT_SUCCESS(Configure(Device))) {
        return STATUS_UNSUCCESSFUL;
    }
    CtxFree(ctx);
    return STATUS_SUCCESS;
}

NTSTATUS
CtxBalanced(PDEVICE_OBJECT Device)
{
    NTSTATUS status;
    PVOID ctx = CtxAllocate(64);
    if (ctx == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlZeroMemory(ctx, 64);
    status = Configure(Device);
    CtxFree(ctx);
    return status;
}
