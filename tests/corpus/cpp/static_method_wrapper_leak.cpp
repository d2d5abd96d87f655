// PT001 positives and negatives through static methods: a frame pool whose
// Grab/Drop wrap the pool routines.  Callers outside the class write
// CFramePool::Grab(n); its own methods write Grab(n), which C++ resolves to
// the class's member first.  `::ExFreePoolWithTag` (the global scope, written
// out) is the pool routine.  Both frontends name all of these alike.
#include <ntddk.h>

#define FRAME_TAG 'marF'

class CFramePool {
public:
    static PVOID Grab(SIZE_T Size);
    static VOID Drop(PVOID Frame);
    static NTSTATUS Prime(SIZE_T Size);
    static NTSTATUS Probe(SIZE_T Size);
};

PVOID
CFramePool::
Grab(
    _In_ SIZE_T Size
    )
{
    return ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, FRAME_TAG);
}

VOID
CFramePool::Drop(
    _In_ PVOID Frame
    )
{
    ::ExFreePoolWithTag(Frame, FRAME_TAG);
}

NTSTATUS
CFramePool::Prime(
    _In_ SIZE_T Size
    )
{
    PVOID frame = Grab(Size); // expect: PT001
    if (frame == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Size > PAGE_SIZE) {
        return STATUS_INVALID_PARAMETER;            // frame leaks here
    }
    Drop(frame);
    return STATUS_SUCCESS;
}

NTSTATUS
CFramePool::Probe(
    _In_ SIZE_T Size
    )
{
    PVOID frame = Grab(Size);
    if (frame == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Drop(frame);
    return STATUS_SUCCESS;
}

NTSTATUS
StartCapture(
    _In_ SIZE_T Size
    )
{
    PVOID first = CFramePool::Grab(Size); // expect: PT001
    if (first == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    PVOID second = CFramePool::Grab(Size);
    if (second == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;       // first leaks here
    }
    CFramePool::Drop(second);
    CFramePool::Drop(first);
    return STATUS_SUCCESS;
}

NTSTATUS
CopyHeader(
    _In_ SIZE_T Size
    )
{
    PVOID header = ::ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, FRAME_TAG);
    if (header == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ::ExFreePoolWithTag(header, FRAME_TAG);
    return STATUS_SUCCESS;
}
