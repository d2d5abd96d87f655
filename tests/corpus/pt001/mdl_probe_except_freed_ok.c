// PT001 negative (near-miss of mdl_probe_except_leak.c): the __except handler
// frees the MDL before returning; on success the MDL goes to the caller.
#include <ntddk.h>

typedef struct _LOCKED_USER_BUFFER {
    PMDL Mdl;
    PVOID SystemVa;
    ULONG Length;
} LOCKED_USER_BUFFER, *PLOCKED_USER_BUFFER;

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
LockUserBuffer(
    _In_ PVOID UserVa,
    _In_ ULONG Length,
    _In_ LOCK_OPERATION Operation,
    _Out_ PLOCKED_USER_BUFFER Locked
    )
{
    PMDL mdl;
    PVOID va;

    RtlZeroMemory(Locked, sizeof(*Locked));

    mdl = IoAllocateMdl(UserVa, Length, FALSE, TRUE, NULL);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    __try {
        MmProbeAndLockPages(mdl, UserMode, Operation);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        return GetExceptionCode();
    }

    va = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (va == NULL) {
        MmUnlockPages(mdl);
        IoFreeMdl(mdl);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    Locked->Mdl = mdl;
    Locked->SystemVa = va;
    Locked->Length = Length;
    return STATUS_SUCCESS;
}
