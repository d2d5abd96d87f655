// PT001 in C++ driver code (AVStream/PortCls style): methods of a class,
// members instead of locals, nullptr checks.  One leak on an error path and
// a clean method that hands its buffer to a member.
#include <ntddk.h>

#define STREAM_TAG 'mrtS'

class CStream
{
public:
    NTSTATUS AllocateFrames(_In_ ULONG Count);
    NTSTATUS SnapshotFormat(_In_ ULONG Bytes);
private:
    PUCHAR m_Frames = nullptr;
    ULONG m_FrameCount = 0;
    BOOLEAN m_Running = FALSE;
};

NTSTATUS
CStream::AllocateFrames(_In_ ULONG Count)
{
    PUCHAR frames = static_cast<PUCHAR>(ExAllocatePool2(POOL_FLAG_NON_PAGED, Count * 64, STREAM_TAG));
    if (frames == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    m_Frames = frames;
    m_FrameCount = Count;
    return STATUS_SUCCESS;
}

NTSTATUS
CStream::SnapshotFormat(_In_ ULONG Bytes)
{
    PVOID copy = ExAllocatePool2(POOL_FLAG_PAGED, Bytes, STREAM_TAG); // expect: PT001
    if (copy == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (m_Running) {
        return STATUS_DEVICE_BUSY;
    }
    RtlZeroMemory(copy, Bytes);
    ExFreePoolWithTag(copy, STREAM_TAG);
    return STATUS_SUCCESS;
}
