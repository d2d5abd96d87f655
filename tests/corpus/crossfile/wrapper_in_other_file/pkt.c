// Cross-file summaries: PktAllocate (here) returns a fresh allocation; its
// callers in use.c mention no allocator themselves, and still leak it.
#include <ntddk.h>
#include "pkt.h"

PPKT
PktAllocate(_In_ ULONG Length)
{
    PPKT pkt = (PPKT)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(PKT) + Length, 'tkPX');
    if (pkt != NULL) {
        pkt->Length = Length;
    }
    return pkt;
}
