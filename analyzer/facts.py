"""Facts one function contributes to whole-driver checks, found while its paths
are explored: stores into persistent storage, releases of persistent
locations, mismatched releases and tag pairs.  Collected in sets, so the same
fact found on many paths counts once."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .ir import Loc
from .locations import RawLocation


@dataclass(frozen=True)
class StoreFact:
    """An allocation made here (or by a callee) ends up in persistent storage."""
    site_key: str
    routine: str
    family: str
    alloc_loc: Loc
    store_loc: Loc
    location: RawLocation
    is_list: bool = False


@dataclass(frozen=True)
class ReleaseFact:
    location: RawLocation
    loc: Loc
    routine: str


@dataclass(frozen=True)
class MismatchFact:
    """A release routine of another family (PT005)."""
    release: str
    release_loc: Loc
    allocator: str
    family: str
    alloc_loc: Loc


@dataclass(frozen=True)
class TagFact:
    """An ExFreePoolWithTag of an allocation whose tag is known (PT006)."""
    alloc_tag: str
    free_tag: str
    allocator: str
    alloc_loc: Loc
    release: str
    release_loc: Loc
    alloc_value: Optional[int] = None     # the tags' values, when the frontend evaluated them
    free_value: Optional[int] = None


@dataclass
class Facts:
    stores: set = field(default_factory=set)
    releases: set = field(default_factory=set)
    list_removals: set = field(default_factory=set)     # RawLocation of list heads
    mismatches: set = field(default_factory=set)
    tags: set = field(default_factory=set)
    param_stores: set = field(default_factory=set)      # (param index, RawLocation)


@dataclass
class FunctionInfo:
    """What the driver model needs to know of one function definition."""
    name: str
    path: str
    loc: Loc
    is_static: bool
    callees: frozenset
    roles: frozenset = frozenset()            # by declaration: "teardown", "dpc"
    quota_calls: tuple = ()                   # quota.QuotaCall
    facts: Facts | None = None                # None when the body was not analyzed
    releases_something: bool = False          # calls a release routine (for list walks)
    # Lines and callees of its IRP_MN_REMOVE_DEVICE branches, should it be a PnP dispatch routine.
    teardown_lines: tuple = ()                 # (first line, last line) pairs
    teardown_callees: frozenset = frozenset()
    bounded: bool = False                      # its exploration hit a bound (not worth redoing)


@dataclass
class Registration:
    role: str
    function: str
    path: str
    loc: Loc


@dataclass(frozen=True)
class ContextHandoff:
    """``function`` is called back with the value kept at ``storage`` (a global
    path such as ``gDsmInitData.DsmContext``) as argument ``arg``."""
    function: str
    storage: str
    arg: int
    path: str
    loc: Loc
