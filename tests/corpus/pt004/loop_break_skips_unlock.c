// PT004 positive: scatter list of user segments, each locked in turn.  A
// segment whose mapping fails breaks out of the loop after freeing its MDL
// but without unlocking it.
#include <ntddk.h>

typedef struct _SG_SEGMENT {
    PVOID UserAddress;
    ULONG Length;
} SG_SEGMENT, *PSG_SEGMENT;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
SgChecksumSegments(
    _In_reads_(Count) PSG_SEGMENT Segments,
    _In_ ULONG Count,
    _Out_ PULONG Checksum
    )
{
    NTSTATUS status = STATUS_SUCCESS;
    PUCHAR view;
    PMDL mdl;
    ULONG i, j;

    *Checksum = 0;
    for (i = 0; i < Count; i++) {
        mdl = IoAllocateMdl(Segments[i].UserAddress, Segments[i].Length, FALSE, FALSE, NULL);
        if (mdl == NULL) {
            status = STATUS_INSUFFICIENT_RESOURCES;
            break;
        }
        __try {
            MmProbeAndLockPages(mdl, UserMode, IoReadAccess); // expect: PT004
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            IoFreeMdl(mdl);
            status = GetExceptionCode();
            break;
        }

        view = (PUCHAR)MmGetSystemAddressForMdlSafe(mdl, LowPagePriority | MdlMappingNoExecute);
        if (view == NULL) {
            IoFreeMdl(mdl);
            status = STATUS_INSUFFICIENT_RESOURCES;
            break;
        }
        for (j = 0; j < Segments[i].Length; j++) {
            *Checksum += view[j];
        }
        MmUnlockPages(mdl);
        IoFreeMdl(mdl);
    }
    return status;
}
