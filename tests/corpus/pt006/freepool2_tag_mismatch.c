// PT006 positive: ExAllocatePool2 / ExFreePool2 pair whose tags disagree
// (the free passes the tag of the lookaside list the code used to use).
#include <ntddk.h>

#define FP_BLOCK_TAG     'kBpF'
#define FP_LOOKASIDE_TAG 'aLpF'

_IRQL_requires_max_(DISPATCH_LEVEL)
ULONG
FpChecksumCopy(
    _In_reads_bytes_(Length) const UCHAR *Source,
    _In_ SIZE_T Length
    )
{
    PUCHAR block;
    ULONG sum = 0;
    SIZE_T i;

    block = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, Length, FP_BLOCK_TAG);
    if (block == NULL) {
        return 0;
    }
    RtlCopyMemory(block, Source, Length);
    for (i = 0; i < Length; i++) {
        sum = (sum << 1) ^ block[i];
    }
    ExFreePool2(block, FP_LOOKASIDE_TAG, NULL, 0); // expect: PT006
    return sum;
}
