// PT004 negative: the dispatch routine locks a caller's buffer described by
// a new MDL, hangs it on Irp->MdlAddress and completes the IRP; completion
// unlocks the pages and frees the MDL for the driver.
#include <ntddk.h>

#define IOCTL_QS_SNAPSHOT CTL_CODE(FILE_DEVICE_UNKNOWN, 0x911, METHOD_NEITHER, FILE_READ_ACCESS)

typedef struct _QS_INPUT {
    PVOID Buffer;
    ULONG Length;
} QS_INPUT, *PQS_INPUT;

_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH QsDeviceControl;

_Use_decl_annotations_
NTSTATUS
QsDeviceControl(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    QS_INPUT input;
    NTSTATUS status;
    PUCHAR view;
    PMDL mdl;

    UNREFERENCED_PARAMETER(DeviceObject);

    if (stack->Parameters.DeviceIoControl.IoControlCode != IOCTL_QS_SNAPSHOT ||
        stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(QS_INPUT) ||
        Irp->MdlAddress != NULL) {
        status = STATUS_INVALID_PARAMETER;
        goto Complete;
    }
    __try {
        ProbeForRead(stack->Parameters.DeviceIoControl.Type3InputBuffer, sizeof(QS_INPUT), 1);
        input = *(PQS_INPUT)stack->Parameters.DeviceIoControl.Type3InputBuffer;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
        goto Complete;
    }

    mdl = IoAllocateMdl(input.Buffer, input.Length, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Complete;
    }
    __try {
        MmProbeAndLockPages(mdl, Irp->RequestorMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        status = GetExceptionCode();
        goto Complete;
    }
    Irp->MdlAddress = mdl;

    view = (PUCHAR)MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (view == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Complete;
    }
    RtlZeroMemory(view, input.Length);
    status = STATUS_SUCCESS;

Complete:
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}
