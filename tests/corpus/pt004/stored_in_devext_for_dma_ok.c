// PT004 negative: the locked MDL of a long-running DMA transfer is kept in
// the device extension; DmStopTransfer unlocks it when the transfer ends.
// Storing it in persistent storage hands the lock off.
#include <ntddk.h>

typedef struct _DM_EXTENSION {
    KSPIN_LOCK Lock;
    PMDL ActiveMdl;
    ULONG ActiveLength;
} DM_EXTENSION, *PDM_EXTENSION;

NTSTATUS
DmProgramDescriptors(
    _In_ PDM_EXTENSION Ext,
    _In_ PMDL Mdl
    );

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
DmStartTransfer(
    _Inout_ PDM_EXTENSION Ext,
    _In_ PVOID UserBuffer,
    _In_ ULONG Length
    )
{
    NTSTATUS status;
    KIRQL oldIrql;
    PMDL mdl;

    mdl = IoAllocateMdl(UserBuffer, Length, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(mdl, UserMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        return GetExceptionCode();
    }

    KeAcquireSpinLock(&Ext->Lock, &oldIrql);
    if (Ext->ActiveMdl != NULL) {
        KeReleaseSpinLock(&Ext->Lock, oldIrql);
        MmUnlockPages(mdl);
        IoFreeMdl(mdl);
        return STATUS_DEVICE_BUSY;
    }
    Ext->ActiveMdl = mdl;
    Ext->ActiveLength = Length;
    KeReleaseSpinLock(&Ext->Lock, oldIrql);

    status = DmProgramDescriptors(Ext, mdl);
    return status;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
DmStopTransfer(
    _Inout_ PDM_EXTENSION Ext
    )
{
    KIRQL oldIrql;
    PMDL mdl;

    KeAcquireSpinLock(&Ext->Lock, &oldIrql);
    mdl = Ext->ActiveMdl;
    Ext->ActiveMdl = NULL;
    KeReleaseSpinLock(&Ext->Lock, oldIrql);

    if (mdl != NULL) {
        MmUnlockPages(mdl);
        IoFreeMdl(mdl);
    }
}
