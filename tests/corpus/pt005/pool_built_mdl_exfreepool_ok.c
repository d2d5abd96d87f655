// PT005 negative: an MDL built by hand in pool (MmSizeOfMdl +
// MmInitializeMdl) is released with ExFreePoolWithTag, the routine matching
// the allocator that produced it.
#include <ntddk.h>

#define HM_TAG 'ldMH'

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
HmDescribeRegion(
    _In_ PVOID Region,
    _In_ SIZE_T Length,
    _Out_ PULONG PageCount
    )
{
    SIZE_T mdlSize = MmSizeOfMdl(Region, Length);
    PMDL mdl;

    mdl = (PMDL)ExAllocatePool2(POOL_FLAG_NON_PAGED, mdlSize, HM_TAG);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmInitializeMdl(mdl, Region, Length);
    MmBuildMdlForNonPagedPool(mdl);
    *PageCount = ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(mdl), MmGetMdlByteCount(mdl));
    ExFreePoolWithTag(mdl, HM_TAG);
    return STATUS_SUCCESS;
}
