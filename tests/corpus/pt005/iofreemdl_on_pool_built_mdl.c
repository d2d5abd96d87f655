// PT005 positive: the MDL is built by hand in pool (MmSizeOfMdl +
// MmInitializeMdl) to avoid IoAllocateMdl's size limit, but released with
// IoFreeMdl, which expects an MDL that IoAllocateMdl handed out.
#include <ntddk.h>

#define BM_TAG 'ldMB'

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
BmMapLargeBuffer(
    _In_ PVOID Buffer,
    _In_ SIZE_T Length,
    _Out_ PULONG FirstWord
    )
{
    SIZE_T mdlSize = MmSizeOfMdl(Buffer, Length);
    PULONG view;
    PMDL mdl;

    mdl = (PMDL)ExAllocatePool2(POOL_FLAG_NON_PAGED, mdlSize, BM_TAG);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmInitializeMdl(mdl, Buffer, Length);
    MmBuildMdlForNonPagedPool(mdl);

    view = (PULONG)MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    *FirstWord = (view != NULL) ? view[0] : 0;

    IoFreeMdl(mdl); // expect: PT005
    return (view != NULL) ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}
