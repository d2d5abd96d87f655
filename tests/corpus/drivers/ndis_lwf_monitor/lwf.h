// lwf.h - "monitor": an NDIS 6 lightweight filter that counts flows.
//
//   filter.c  DriverEntry (NdisFRegisterFilterDriver), FilterUnload, the
//             statistics timer object
//   attach.c  FilterAttach / FilterDetach / FilterRestart / FilterPause
//   stats.c   the timer's NDIS_TIMER_FUNCTION and the snapshot helper
#pragma once
#include <ndis.h>

#define MON_TAG_MODULE 'dMnM'
#define MON_TAG_FLOWS  'lFnM'
#define MON_TAG_DROPS  'rDnM'
#define MON_TAG_SNAP   'nSnM'
#define MON_FLOW_SLOTS 1024
#define MON_DROP_LOG   256
#define MON_STATS_MS   1000

typedef struct _MON_FLOW {
    ULONG Hash;
    ULONG64 Packets;
} MON_FLOW, *PMON_FLOW;

typedef struct _MON_MODULE {
    NDIS_HANDLE FilterHandle;
    NET_IFINDEX MiniportIfIndex;
    BOOLEAN Running;
} MON_MODULE, *PMON_MODULE;

typedef struct _MON_GLOBALS {
    NDIS_HANDLE FilterDriverHandle;
    NDIS_HANDLE StatsTimer;
    NDIS_SPIN_LOCK Lock;
    LONG Modules;
    PMON_FLOW Flows;                 // shared by all modules
    PULONG DropLog;                  // ring of dropped-flow hashes
    ULONG64 LastTotal;
} MON_GLOBALS;

extern MON_GLOBALS g_Mon;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD MonUnload;
FILTER_ATTACH MonAttach;
FILTER_DETACH MonDetach;
FILTER_RESTART MonRestart;
FILTER_PAUSE MonPause;
NDIS_TIMER_FUNCTION MonStatsTimer;

VOID MonSnapshotStats(VOID);
