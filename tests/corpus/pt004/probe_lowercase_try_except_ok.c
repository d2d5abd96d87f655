// PT004 negative: the probe sits in try/except spelled with the lowercase
// macros file systems use (#define try __try); when it raises nothing is
// locked, and on success the pages are unlocked before returning.
#include <ntifs.h>

NTSTATUS
LtCopyFromUser(_In_ PMDL Mdl, _Out_writes_bytes_(Length) PVOID Destination, _In_ ULONG Length)
{
    PVOID source;

    try {
        MmProbeAndLockPages(Mdl, UserMode, IoReadAccess);
    } except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }

    source = MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority | MdlMappingNoExecute);
    if (source == NULL) {
        MmUnlockPages(Mdl);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(Destination, source, Length);
    MmUnlockPages(Mdl);
    return STATUS_SUCCESS;
}

NTSTATUS
LtProbeOnly(_In_ PMDL Mdl)
{
    try {
        MmProbeAndLockPages(Mdl, UserMode, IoReadAccess); // expect-missing: PT004 the MDL is the caller's, and pooltrack lets a routine return its caller's pages locked (lock helpers do) rather than guess
        if (Mdl->ByteCount == 0) {
            leave;
        }
        MmUnlockPages(Mdl);
    } finally {
        NOTHING;
    }
    return STATUS_SUCCESS;
}
