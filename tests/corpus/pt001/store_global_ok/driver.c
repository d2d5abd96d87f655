// PT001 negative: DriverEntry keeps the registry path copy in a global that
// the unload routine frees; storing into a global hands the buffer off.
// A whole driver (it has a DriverEntry), so it lives in its own directory; both
// globals are freed by the registered unload routine, so no PT002 either.
#include <ntddk.h>

#define REGPATH_TAG 'gRvD'

UNICODE_STRING g_RegistryPath;
PVOID g_ScratchPage;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD SampleUnload;

_Use_decl_annotations_
VOID
SampleUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    if (g_ScratchPage != NULL) {
        ExFreePoolWithTag(g_ScratchPage, REGPATH_TAG);
    }
    if (g_RegistryPath.Buffer != NULL) {
        ExFreePoolWithTag(g_RegistryPath.Buffer, REGPATH_TAG);
    }
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    PWCHAR pathBuffer;

    pathBuffer = (PWCHAR)ExAllocatePoolWithTag(PagedPool, RegistryPath->MaximumLength, REGPATH_TAG);
    if (pathBuffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(pathBuffer, RegistryPath->Buffer, RegistryPath->Length);
    g_RegistryPath.Buffer = pathBuffer;
    g_RegistryPath.Length = RegistryPath->Length;
    g_RegistryPath.MaximumLength = RegistryPath->MaximumLength;

    g_ScratchPage = ExAllocatePoolWithTag(NonPagedPoolNx, PAGE_SIZE, REGPATH_TAG);
    if (g_ScratchPage == NULL) {
        ExFreePoolWithTag(g_RegistryPath.Buffer, REGPATH_TAG);
        g_RegistryPath.Buffer = NULL;
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    DriverObject->DriverUnload = SampleUnload;
    return STATUS_SUCCESS;
}
