// PT001 negative: the MDL is stored into a caller-supplied context through
// its pointer (Context->Mdl = mdl); the completion path frees it later.
#include <wdm.h>

typedef struct _TRANSFER_CONTEXT {
    PMDL Mdl;
    PVOID Buffer;
    ULONG Length;
    KEVENT Done;
} TRANSFER_CONTEXT, *PTRANSFER_CONTEXT;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
InitializeTransferContext(
    _Inout_ PTRANSFER_CONTEXT Context,
    _In_ PVOID Buffer,
    _In_ ULONG Length
    )
{
    PMDL mdl;

    mdl = IoAllocateMdl(Buffer, Length, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmBuildMdlForNonPagedPool(mdl);

    Context->Mdl = mdl;
    Context->Buffer = Buffer;
    Context->Length = Length;
    KeInitializeEvent(&Context->Done, NotificationEvent, FALSE);
    return STATUS_SUCCESS;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
TeardownTransferContext(
    _Inout_ PTRANSFER_CONTEXT Context
    )
{
    if (Context->Mdl != NULL) {
        IoFreeMdl(Context->Mdl);
        Context->Mdl = NULL;
    }
}
