// PT004 negative: the only path that leaves without MmUnlockPages is the
// __except handler of the probe itself.  MmProbeAndLockPages raises instead
// of locking, so on that path nothing is locked.
#include <ntddk.h>

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
PrCaptureUserRequest(
    _In_ PVOID UserRequest,
    _In_ ULONG Length,
    _Out_writes_bytes_(Length) PVOID Capture
    )
{
    PVOID view;
    PMDL mdl;

    mdl = IoAllocateMdl(UserRequest, Length, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    __try {
        MmProbeAndLockPages(mdl, UserMode, IoReadAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        NTSTATUS code = GetExceptionCode();
        IoFreeMdl(mdl);
        return code;
    }

    view = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (view != NULL) {
        RtlCopyMemory(Capture, view, Length);
    }
    MmUnlockPages(mdl);
    IoFreeMdl(mdl);
    return (view != NULL) ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}
