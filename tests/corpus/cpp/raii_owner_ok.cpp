// PT001 negatives: C++ objects constructed around an allocation own it and
// free it in their destructors (KMDF's FxAutoIrp does this for IRPs).
// `FxAutoIrp irp(pIrp);` reads like a function prototype to a parser without
// types; it is a constructor call, and the IRP is handed to the object.
#include <ntddk.h>

#define BUF_TAG 'fuBA'

class FxAutoIrp {
public:
    FxAutoIrp(PIRP Irp);
    ~FxAutoIrp();
    NTSTATUS SendIrpSynchronously(PDEVICE_OBJECT Target);
};

class CAutoBuffer {
public:
    CAutoBuffer(PVOID Buffer, ULONG Tag);
    ~CAutoBuffer();
};

class CQuery {
public:
    static VOID FormatIrp(PIRP Irp);
    static NTSTATUS QueryInterface(PDEVICE_OBJECT TopOfStack);
    static NTSTATUS ReadConfig(SIZE_T Size);
    static NTSTATUS ReadConfigBraced(SIZE_T Size);
};

VOID
CQuery::FormatIrp(
    _In_ PIRP Irp
    )
{
    IoGetNextIrpStackLocation(Irp)->MajorFunction = IRP_MJ_PNP;
}

NTSTATUS
CQuery::QueryInterface(
    _In_ PDEVICE_OBJECT TopOfStack
    )
{
    NTSTATUS status;
    PIRP pIrp = IoAllocateIrp(TopOfStack->StackSize, FALSE);

    if (pIrp != NULL) {
        FxAutoIrp irp(pIrp);
        FormatIrp(pIrp);
        status = irp.SendIrpSynchronously(TopOfStack);
    } else {
        status = STATUS_INSUFFICIENT_RESOURCES;
    }
    return status;
}

NTSTATUS
CQuery::ReadConfig(
    _In_ SIZE_T Size
    )
{
    PVOID raw = ExAllocatePool2(POOL_FLAG_PAGED, Size, BUF_TAG);
    if (raw == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    CAutoBuffer owner(raw, BUF_TAG);
    if (Size < 16) {
        return STATUS_INVALID_PARAMETER;
    }
    return STATUS_SUCCESS;
}

NTSTATUS
CQuery::ReadConfigBraced(
    _In_ SIZE_T Size
    )
{
    PVOID raw = ExAllocatePool2(POOL_FLAG_PAGED, Size, BUF_TAG);
    if (raw == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    CAutoBuffer owner{raw, BUF_TAG};
    if (Size < 16) {
        return STATUS_INVALID_PARAMETER;
    }
    return STATUS_SUCCESS;
}
