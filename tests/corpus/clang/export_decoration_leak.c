// clang PT001 positive: an export decoration no header defines, on its own
// line before the return type (classpnp's class.c).  Undefined, it made clang
// read `SCSIPORT_API NTSTATUS` as a variable named NTSTATUS and drop the
// whole definition; the prelude now defines such decorations empty.
#include <ntddk.h>

#define NAME_TAG 'mNlC'

SCSIPORT_API
NTSTATUS
CreateNamedObject(
    _In_ ULONG Length
    )
{
    PWSTR name = ExAllocatePool2(POOL_FLAG_PAGED, Length, NAME_TAG); // expect: PT001
    if (name == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Length < sizeof(WCHAR)) {
        return STATUS_INVALID_PARAMETER;
    }
    ExFreePoolWithTag(name, NAME_TAG);
    return STATUS_SUCCESS;
}
