// PT004 negative: a helper that locks its caller's MDL and returns success
// with the pages locked (the caller unlocks later) is not a leak; the
// failure path locked nothing (the probe raised).
#include <ntddk.h>

NTSTATUS
LhLockCallerBuffer(_In_ PMDL Mdl, _In_ KPROCESSOR_MODE Mode)
{
    __try {
        MmProbeAndLockPages(Mdl, Mode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    return STATUS_SUCCESS;
}
