// PT001 positive (near-miss of ../store_global_ok/driver.c): the copy is published
// to the global only after a check; the failing check returns without a free.
// A whole driver (it has a DriverEntry), so it lives in its own directory; the
// registered unload routine frees the global, so the success path is no PT002.
#include <ntddk.h>

#define REGPATH_TAG 'gRvD'
#define MAX_REGPATH_BYTES 512

UNICODE_STRING g_RegistryPath;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD SampleUnload;

_Use_decl_annotations_
VOID
SampleUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
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

    pathBuffer = (PWCHAR)ExAllocatePoolWithTag(PagedPool, RegistryPath->MaximumLength, REGPATH_TAG); // expect: PT001
    if (pathBuffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    if (RegistryPath->Length > MAX_REGPATH_BYTES) {
        DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL,
                   "DriverEntry: registry path too long (%u)\n", RegistryPath->Length);
        return STATUS_NAME_TOO_LONG;
    }

    RtlCopyMemory(pathBuffer, RegistryPath->Buffer, RegistryPath->Length);
    g_RegistryPath.Buffer = pathBuffer;
    g_RegistryPath.Length = RegistryPath->Length;
    g_RegistryPath.MaximumLength = RegistryPath->MaximumLength;

    DriverObject->DriverUnload = SampleUnload;
    return STATUS_SUCCESS;
}
