// The context of clang/unresolved_field_ok.c.  PVENDOR_LOCK comes from a
// header no search path has, so clang drops the Lock field as invalid.
#pragma once

typedef struct _SWITCH_CONTEXT {
    LIST_ENTRY NicList;
    PVENDOR_LOCK Lock;
    BOOLEAN IsInitialRestart;
} SWITCH_CONTEXT, *PSWITCH_CONTEXT;
