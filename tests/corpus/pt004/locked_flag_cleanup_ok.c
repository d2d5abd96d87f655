// PT004 negative: a BOOLEAN records whether the probe succeeded; the common
// Cleanup path unlocks only when it did.  Every path that locked unlocks.
#include <ntddk.h>

NTSTATUS
VfVerifySignature(
    _In_reads_bytes_(Length) const UCHAR *Data,
    _In_ ULONG Length
    );

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
VfVerifyUserImage(
    _In_ PVOID UserImage,
    _In_ ULONG Length
    )
{
    NTSTATUS status = STATUS_SUCCESS;
    BOOLEAN locked = FALSE;
    PUCHAR view;
    PMDL mdl;

    mdl = IoAllocateMdl(UserImage, Length, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    __try {
        MmProbeAndLockPages(mdl, UserMode, IoReadAccess);
        locked = TRUE;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }
    if (!locked) {
        goto Cleanup;
    }

    view = (PUCHAR)MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (view == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Cleanup;
    }
    status = VfVerifySignature(view, Length);

Cleanup:
    if (locked) {
        MmUnlockPages(mdl);
    }
    IoFreeMdl(mdl);
    return status;
}
