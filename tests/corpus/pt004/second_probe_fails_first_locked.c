// PT004 positive: input and output buffers are locked one after the other.
// When probing the output buffer raises, the handler frees both MDLs but
// unlocks neither - and the input MDL's pages were already locked.
#include <ntddk.h>

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
CrTransform(
    _In_ PVOID UserInput,
    _In_ ULONG InputLength,
    _In_ PVOID UserOutput,
    _In_ ULONG OutputLength
    )
{
    PMDL inMdl;
    PMDL outMdl;
    PUCHAR in, out;
    ULONG i;

    if (OutputLength < InputLength) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    inMdl = IoAllocateMdl(UserInput, InputLength, FALSE, FALSE, NULL);
    if (inMdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    outMdl = IoAllocateMdl(UserOutput, OutputLength, FALSE, FALSE, NULL);
    if (outMdl == NULL) {
        IoFreeMdl(inMdl);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    __try {
        MmProbeAndLockPages(inMdl, UserMode, IoReadAccess); // expect: PT004
        MmProbeAndLockPages(outMdl, UserMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(outMdl);
        IoFreeMdl(inMdl);
        return GetExceptionCode();
    }

    in = (PUCHAR)MmGetSystemAddressForMdlSafe(inMdl, NormalPagePriority | MdlMappingNoExecute);
    out = (PUCHAR)MmGetSystemAddressForMdlSafe(outMdl, NormalPagePriority | MdlMappingNoExecute);
    if (in != NULL && out != NULL) {
        for (i = 0; i < InputLength; i++) {
            out[i] = (UCHAR)(in[i] ^ 0x5A);
        }
    }

    MmUnlockPages(outMdl);
    MmUnlockPages(inMdl);
    IoFreeMdl(outMdl);
    IoFreeMdl(inMdl);
    return (in != NULL && out != NULL) ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}
