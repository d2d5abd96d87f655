// PT004 negative: every path that got past MmProbeAndLockPages unlocks the
// pages before freeing the MDL, funnelled through one Cleanup label.
#include <ntddk.h>

NTSTATUS
HsHashBytes(
    _In_reads_bytes_(Length) const UCHAR *Data,
    _In_ ULONG Length,
    _Out_writes_bytes_(32) PUCHAR Digest
    );

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
HsHashUserBuffer(
    _In_ PVOID UserBuffer,
    _In_ ULONG Length,
    _Out_writes_bytes_(32) PUCHAR Digest
    )
{
    NTSTATUS status;
    PUCHAR view;
    PMDL mdl;

    mdl = IoAllocateMdl(UserBuffer, Length, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    __try {
        MmProbeAndLockPages(mdl, UserMode, IoReadAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        return GetExceptionCode();
    }

    view = (PUCHAR)MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (view == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Cleanup;
    }
    status = HsHashBytes(view, Length, Digest);
    if (!NT_SUCCESS(status)) {
        goto Cleanup;
    }
    status = STATUS_SUCCESS;

Cleanup:
    MmUnlockPages(mdl);
    IoFreeMdl(mdl);
    return status;
}
