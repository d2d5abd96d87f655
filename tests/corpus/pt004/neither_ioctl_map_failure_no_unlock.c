// PT004 positive: a METHOD_NEITHER IOCTL locks the caller's output buffer.
// When mapping it fails, the MDL is freed but the pages are never unlocked
// (0xCB DRIVER_LEFT_LOCKED_PAGES_IN_PROCESS when the process exits).
#include <ntddk.h>

#define IOCTL_NB_FILL CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_NEITHER, FILE_ANY_ACCESS)

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
NbFillUserBuffer(
    _In_ PIRP Irp,
    _In_ PIO_STACK_LOCATION Stack,
    _Out_ PULONG_PTR Information
    )
{
    PVOID userBuffer = Irp->UserBuffer;
    ULONG length = Stack->Parameters.DeviceIoControl.OutputBufferLength;
    PMDL mdl;
    PUCHAR va;
    ULONG i;

    *Information = 0;
    if (userBuffer == NULL || length == 0) {
        return STATUS_INVALID_PARAMETER;
    }

    mdl = IoAllocateMdl(userBuffer, length, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    __try {
        MmProbeAndLockPages(mdl, Irp->RequestorMode, IoWriteAccess); // expect: PT004
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        return GetExceptionCode();
    }

    va = (PUCHAR)MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (va == NULL) {
        IoFreeMdl(mdl);                         // pages still locked
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    for (i = 0; i < length; i++) {
        va[i] = (UCHAR)i;
    }
    *Information = length;

    MmUnlockPages(mdl);
    IoFreeMdl(mdl);
    return STATUS_SUCCESS;
}
