// PT001 positive and negative inside a namespace: C++ drivers put their code
// in namespaces (`namespace ACPIREADER { ... }` in the SoundWire sample); the
// tree-sitter frontend once skipped every definition inside one.
#include <ntddk.h>

#define RING_TAG 'gniR'

namespace Telemetry {

NTSTATUS
SnapshotRing(
    _In_ SIZE_T Size
    )
{
    PVOID ring = ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, RING_TAG); // expect: PT001
    if (ring == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Size < 64) {
        return STATUS_BUFFER_TOO_SMALL;             // ring leaks here
    }
    ExFreePoolWithTag(ring, RING_TAG);
    return STATUS_SUCCESS;
}

namespace Detail {

NTSTATUS
ProbeRing(
    _In_ SIZE_T Size
    )
{
    PVOID ring = ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, RING_TAG);
    if (ring == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ExFreePoolWithTag(ring, RING_TAG);
    return STATUS_SUCCESS;
}

} // namespace Detail
} // namespace Telemetry
