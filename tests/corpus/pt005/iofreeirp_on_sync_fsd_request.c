// PT005 positive: IoBuildSynchronousFsdRequest makes a threaded IRP that the
// I/O manager frees when it completes.  When the volume turns out to be
// read-only the driver discards the unsent IRP with IoFreeIrp, which leaves
// it on the thread's IRP list (and frees it behind the I/O manager's back).
#include <wdm.h>

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
VlWriteSector(
    _In_ PDEVICE_OBJECT Volume,
    _In_ BOOLEAN ReadOnly,
    _In_reads_bytes_(SectorSize) PVOID Sector,
    _In_ ULONG SectorSize,
    _In_ LONGLONG Offset
    )
{
    LARGE_INTEGER offset;
    IO_STATUS_BLOCK iosb;
    KEVENT event;
    NTSTATUS status;
    PIRP irp;

    offset.QuadPart = Offset;
    KeInitializeEvent(&event, NotificationEvent, FALSE);
    irp = IoBuildSynchronousFsdRequest(IRP_MJ_WRITE, Volume, Sector, SectorSize,
                                       &offset, &event, &iosb);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (ReadOnly) {
        IoFreeIrp(irp); // expect: PT005
        return STATUS_MEDIA_WRITE_PROTECTED;
    }

    status = IoCallDriver(Volume, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&event, Executive, KernelMode, FALSE, NULL);
        status = iosb.Status;
    }
    return status;
}
