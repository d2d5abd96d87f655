"""The driver the editor tests open: one PT001 leak on an error path.
Shared by the language-server, Neovim/Emacs and VS Code tests."""

LEAK = """\
#include <wdm.h>
#define TAG 'kaeL'

NTSTATUS ReadConfig(PDEVICE_OBJECT Dev, ULONG Size)
{
    PVOID buffer;
    NTSTATUS status;

    buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, TAG);
    if (buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    status = QueryHardware(Dev, Size);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ExFreePoolWithTag(buffer, TAG);
    return STATUS_SUCCESS;
}
"""
LEAK_LINE = 9      # 1-based: `buffer = ExAllocatePool2(...)`
LEAK_COLUMN = 14   # 1-based: where "ExAllocatePool2" starts
