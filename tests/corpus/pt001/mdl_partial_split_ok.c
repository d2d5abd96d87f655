// PT001 negative (near-miss of mdl_partial_split_leak.c): the rejected
// fragment's MDL is freed before breaking out of the loop.
#include <wdm.h>

#define MAX_FRAGMENT (64 * 1024)

typedef struct _DEVICE_EXTENSION {
    ULONG FragmentsQueued;
    ULONG MaxFragments;
    PMDL FragmentMdls[32];
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
SplitTransfer(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ PMDL SourceMdl,
    _In_ ULONG TotalLength
    )
{
    PUCHAR base = (PUCHAR)MmGetMdlVirtualAddress(SourceMdl);
    ULONG offset = 0;
    ULONG chunk;
    PMDL partial;
    NTSTATUS status = STATUS_SUCCESS;

    while (offset < TotalLength) {
        chunk = TotalLength - offset;
        if (chunk > MAX_FRAGMENT) {
            chunk = MAX_FRAGMENT;
        }

        partial = IoAllocateMdl(base + offset, chunk, FALSE, FALSE, NULL);
        if (partial == NULL) {
            status = STATUS_INSUFFICIENT_RESOURCES;
            break;
        }
        IoBuildPartialMdl(SourceMdl, partial, base + offset, chunk);

        if (DevExt->FragmentsQueued >= DevExt->MaxFragments) {
            IoFreeMdl(partial);
            status = STATUS_TOO_MANY_COMMANDS;
            break;
        }

        DevExt->FragmentMdls[DevExt->FragmentsQueued++] = partial;
        offset += chunk;
    }
    return status;
}
