// fwlib.c - the framework library's callback installation.
#include "fc.h"

_Use_decl_annotations_
VOID
FwInstallCallbacks(
    PDRIVER_OBJECT DriverObject,
    PDRIVER_UNLOAD Unload
    )
{
    DriverObject->DriverUnload = Unload;
}
