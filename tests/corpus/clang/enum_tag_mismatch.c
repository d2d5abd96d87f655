// clang-only PT006 positive (and a negative): the tags are enumerators, which
// are not #defines; clang evaluates them, tree-sitter cannot.
#include <ntddk.h>

enum SESSION_TAGS {
    SessionTag = 'sseS',
    BufferTag = 'fubS',
    SessionTagAlias = SessionTag,
};

typedef struct _SESSION {
    PVOID Buffer;
    ULONG Length;
} SESSION, *PSESSION;

PSESSION
SessionCreate(
    _In_ ULONG Length
    )
{
    PSESSION session = (PSESSION)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(SESSION), SessionTag);
    if (session == NULL) {
        return NULL;
    }
    session->Buffer = ExAllocatePoolWithTag(NonPagedPoolNx, Length, BufferTag);
    if (session->Buffer == NULL) {
        ExFreePoolWithTag(session, SessionTagAlias);       // the same value: no finding
        return NULL;
    }
    session->Length = Length;
    return session;
}

VOID
SessionProbe(
    _In_ ULONG Length
    )
{
    PVOID scratch = ExAllocatePoolWithTag(NonPagedPoolNx, Length, BufferTag);
    if (scratch != NULL) {
        ExFreePoolWithTag(scratch, SessionTag); // expect: PT006
    }
}
