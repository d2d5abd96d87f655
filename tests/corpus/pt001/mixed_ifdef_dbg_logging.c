// PT001 mixed: #ifdef DBG logging blocks around allocations.  The first
// function leaks on the checked-build validation path; the second frees.
#include <ntddk.h>

#define LOG_TAG 'goLD'

typedef struct _DEVICE_EXTENSION {
    ULONG Revision;
    ULONG Features;
    ULONG Errata;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

typedef struct _CAPS_BLOCK {
    ULONG Revision;
    ULONG Features;
} CAPS_BLOCK, *PCAPS_BLOCK;

#define MIN_REVISION 3

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
ApplyCapabilities(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ const CAPS_BLOCK *Caps
    )
{
    PCAPS_BLOCK local;

    local = (PCAPS_BLOCK)ExAllocatePoolWithTag(PagedPool, sizeof(CAPS_BLOCK), LOG_TAG); // expect: PT001
    if (local == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(local, Caps, sizeof(CAPS_BLOCK));

#ifdef DBG
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL,
               "ApplyCapabilities: rev %lu features 0x%08lx\n",
               local->Revision, local->Features);
#endif

    if (local->Revision < MIN_REVISION) {
#ifdef DBG
        DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL,
                   "ApplyCapabilities: revision %lu unsupported\n", local->Revision);
#endif
        return STATUS_REVISION_MISMATCH;
    }

    DevExt->Revision = local->Revision;
    DevExt->Features = local->Features;
    ExFreePoolWithTag(local, LOG_TAG);
    return STATUS_SUCCESS;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
ApplyErrata(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ ULONG Errata
    )
{
    PULONG shadow;
    NTSTATUS status = STATUS_SUCCESS;

    shadow = (PULONG)ExAllocatePoolWithTag(PagedPool, sizeof(ULONG), LOG_TAG);
    if (shadow == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    *shadow = Errata;

#ifdef DBG
    if (*shadow != 0) {
        DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL,
                   "ApplyErrata: 0x%08lx\n", *shadow);
    }
#endif

    if (DevExt->Revision < MIN_REVISION) {
        status = STATUS_REVISION_MISMATCH;
    } else {
        DevExt->Errata = *shadow;
    }

    ExFreePoolWithTag(shadow, LOG_TAG);
    return status;
}
