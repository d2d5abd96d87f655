// clang-only PT006 positive (and a negative): modern C++ drivers name their
// pool tags with constexpr constants, not #defines.  Only a frontend that
// evaluates constant expressions knows their values; tree-sitter sees names
// it cannot resolve and reports nothing.
#include <ntddk.h>

constexpr ULONG kRequestTag = 'qeRC';
constexpr ULONG kReplyTag = 'lpRC';
constexpr ULONG kSameAsRequest = kRequestTag;

struct Exchange {
    PVOID Request;
    PVOID Reply;
};

NTSTATUS
ExchangeOnce(
    _In_ SIZE_T Length
    )
{
    Exchange x{};

    x.Request = ExAllocatePool2(POOL_FLAG_NON_PAGED, Length, kRequestTag);
    if (x.Request == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    x.Reply = ExAllocatePool2(POOL_FLAG_NON_PAGED, Length, kReplyTag);
    if (x.Reply == nullptr) {
        ExFreePoolWithTag(x.Request, kSameAsRequest);      // same value, another name: no finding
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ExFreePoolWithTag(x.Reply, kRequestTag); // expect: PT006
    ExFreePoolWithTag(x.Request, 'qeRC');                  // the literal spelling of kRequestTag
    return STATUS_SUCCESS;
}
