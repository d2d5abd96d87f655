// PT004 positive: the pages are unlocked only when the transfer succeeds;
// a failed transfer frees the MDL with its pages still locked.
#include <ntddk.h>

NTSTATUS
XfProgramDevice(
    _In_ PVOID Context,
    _In_reads_bytes_(Length) PVOID Data,
    _In_ ULONG Length
    );

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
XfWriteFirmware(
    _In_ PVOID DeviceContext,
    _In_ PVOID UserImage,
    _In_ ULONG ImageLength
    )
{
    NTSTATUS status;
    PVOID view;
    PMDL mdl;

    mdl = IoAllocateMdl(UserImage, ImageLength, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    __try {
        MmProbeAndLockPages(mdl, UserMode, IoReadAccess); // expect: PT004
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        return STATUS_ACCESS_VIOLATION;
    }

    view = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (view == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
    } else {
        status = XfProgramDevice(DeviceContext, view, ImageLength);
    }

    if (NT_SUCCESS(status)) {
        MmUnlockPages(mdl);
    }
    IoFreeMdl(mdl);
    return status;
}
