"""SARIF 2.1.0 output.

The log is built from ``sarif_om`` objects and serialized to plain JSON data
by :func:`to_plain`, which maps python attribute names to the SARIF property
names through the attrs metadata ``schema_property_name`` and drops ``None``
and default values (``level`` is always kept: a result's missing level would
fall back to its rule's configuration, which is not the same thing).

What the log holds:

* one run whose ``tool.driver`` carries every rule of :func:`load_rules` and a
  descriptor for every tool-notification kind;
* one result per :class:`~analyzer.findings.Finding`, sorted: primary location
  (URI relative to ``%SRCROOT%``), ``relatedLocations``, one ``codeFlow`` with
  the path steps, ``logicalLocations`` naming the function, and two
  ``partialFingerprints``:

  - ``pooltrack/v1``: a hash of (rule id, path relative to the root, function,
    finding key) plus an ``:N`` occurrence suffix; it has no line numbers, so
    it survives edits above the finding;
  - ``primaryLocationLineHash``: computed as GitHub's ``codeql-action`` upload
    computes it (see :func:`line_hashes`), from the file on disk; omitted when
    the file cannot be read;

* one invocation with every :class:`~analyzer.findings.Notification` as a
  ``toolExecutionNotification``; ``executionSuccessful`` is false only when
  there is an ``internal-error`` notification.

Paths: a relative ``Finding.path`` is taken relative to the current working
directory (where the analyzer opened it).  Files under ``root`` get a relative,
percent-encoded URI with ``uriBaseId: "%SRCROOT%"``; files outside it get an
absolute ``file://`` URI and no ``uriBaseId`` (never a ``..`` segment).
Columns are Unicode code points (``run.columnKind: "unicodeCodePoints"``), as
in :class:`analyzer.ir.Loc`.

The output is deterministic: same input, byte-identical text.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import PureWindowsPath
from typing import Any, Iterable, TextIO
from urllib.parse import quote

import attr
import sarif_om as om

from .. import __version__
from ..findings import Finding, Notification, Result
from ..ir import Loc
from ..ruledocs import Rule, load_rules, markdown_to_text, rule_help_uri
from . import write_out

__all__ = [
    "SARIF_SCHEMA_URI",
    "SARIF_VERSION",
    "SRCROOT",
    "TOOL_NAME",
    "INFORMATION_URI",
    "FINGERPRINT_KEY",
    "LINE_HASH_KEY",
    "NOTIFICATION_KINDS",
    "to_sarif",
    "sarif_text",
    "write_sarif",
    "to_plain",
    "line_hashes",
    "file_line_hashes",
    "stable_fingerprint",
    "finding_order",
    "notification_order",
    "PathMapper",
]

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"
TOOL_NAME = "pooltrack"
INFORMATION_URI = "https://github.com/pooltrack/pooltrack"
FINGERPRINT_KEY = "pooltrack/v1"
LINE_HASH_KEY = "primaryLocationLineHash"

#: Descriptions of the notification kinds the analyzer emits.
NOTIFICATION_KINDS: dict[str, str] = {
    "bound-hit": "An analysis bound was reached; some paths were not explored.",
    "internal-error": "pooltrack failed internally; results for the file may be missing.",
    "parse-error": "A source file could not be parsed completely; findings in it may be missing.",
    "read-error": "A source file could not be read.",
    "unused-suppression": "An inline suppression (pooltrack comment or mapped #pragma) suppresses nothing.",
}

_LEVELS = {"error": "error", "warning": "warning", "note": "note", "none": "none",
           "info": "note", "information": "note"}


# ---------------------------------------------------------------- serializer
@attr.s
class _PropertyBag(om.PropertyBag):
    """``sarif_om.PropertyBag`` only models ``tags``; ``extra`` holds the rest."""
    extra = attr.ib(factory=dict, metadata={"flatten": True})


#: Keys emitted first (in this order) when present; the rest follow in the
#: attrs field order, which sarif_om generates (required first, then sorted).
_KEY_ORDER = ("$schema", "id", "ruleId", "ruleIndex", "name", "version", "semanticVersion",
              "informationUri", "shortDescription", "fullDescription", "level", "message",
              "locations", "physicalLocation", "uri", "uriBaseId",
              "startLine", "startColumn", "endLine", "endColumn")
_KEY_RANK = {k: i for i, k in enumerate(_KEY_ORDER)}
_ALWAYS_EMIT = frozenset({"level"})


def to_plain(obj: Any) -> Any:
    """A sarif_om object tree -> JSON-ready dicts/lists/scalars."""
    if attr.has(type(obj)):
        out: dict[str, Any] = {}
        for f in attr.fields(type(obj)):
            value = getattr(obj, f.name)
            if f.metadata.get("flatten"):
                for k, v in value.items():
                    if v is not None:
                        out[str(k)] = to_plain(v)
                continue
            name = f.metadata.get("schema_property_name", f.name)
            if value is None:
                continue
            if f.default is not attr.NOTHING and name not in _ALWAYS_EMIT:
                default = f.default.factory() if isinstance(f.default, attr.Factory) else f.default
                if type(value) is type(default) and value == default:
                    continue
            out[name] = to_plain(value)
        return dict(sorted(out.items(), key=lambda kv: _KEY_RANK.get(kv[0], len(_KEY_RANK))))
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items() if v is not None}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    raise TypeError(f"cannot serialize {type(obj).__name__} to SARIF")


# --------------------------------------------------------------------- paths
def _quote_segments(path: str) -> str:
    return "/".join(quote(os.fsencode(seg), safe="") for seg in path.split("/"))


def _file_uri(abspath: str) -> str:
    if os.name == "nt":
        return PureWindowsPath(abspath).as_uri()
    return "file://" + _quote_segments(abspath)


class PathMapper:
    """Maps analyzer paths to SARIF artifact locations relative to ``root``."""

    def __init__(self, root: str):
        self.root = os.path.abspath(root)
        uri = _file_uri(self.root)
        self.root_uri = uri if uri.endswith("/") else uri + "/"
        self._cache: dict[str, tuple[str, str | None, str, str]] = {}

    def resolve(self, path: str) -> tuple[str, str | None, str, str]:
        """``path`` -> (uri, uriBaseId or None, identity path, absolute path).

        The identity path is the POSIX path relative to the root (absolute for
        files outside it) and is what fingerprints hash.
        """
        hit = self._cache.get(path)
        if hit is None:
            hit = self._cache[path] = self._resolve(path)
        return hit

    def _resolve(self, path: str) -> tuple[str, str | None, str, str]:
        abspath = os.path.abspath(path)
        rel = self._relative(abspath, self.root)
        if rel is None:
            rel = self._relative(os.path.realpath(abspath), os.path.realpath(self.root))
        if rel is None:
            ident = abspath.replace(os.sep, "/")
            return _file_uri(abspath), None, ident, abspath
        return _quote_segments(rel), SRCROOT, rel, abspath

    @staticmethod
    def _relative(abspath: str, root: str) -> str | None:
        try:
            rel = os.path.relpath(abspath, root)
        except ValueError:                       # another drive on Windows
            return None
        rel = rel.replace(os.sep, "/")
        if rel == ".." or rel.startswith("../") or os.path.isabs(rel):
            return None
        return rel

    def artifact_location(self, path: str) -> om.ArtifactLocation:
        uri, base, _, _ = self.resolve(path)
        return om.ArtifactLocation(uri=uri, uri_base_id=base)


# ---------------------------------------------------------- GitHub line hash
_BLOCK_SIZE = 100
_MOD = 37
_MASK = (1 << 64) - 1
_FIRST_MOD = pow(_MOD, _BLOCK_SIZE, 1 << 64)
_TAB, _SPACE, _LF, _CR, _EOF = 9, 32, 10, 13, 65535


def _utf16_units(text: str) -> Iterable[int]:
    """What JavaScript's ``charCodeAt`` walks: UTF-16 code units."""
    for ch in text:
        o = ord(ch)
        if o > 0xFFFF:
            o -= 0x10000
            yield 0xD800 + (o >> 10)
            yield 0xDC00 + (o & 0x3FF)
        else:
            yield o


def line_hashes(text: str) -> list[str]:
    """``primaryLocationLineHash`` of every line of ``text`` (index 0 = line 1).

    The algorithm of GitHub's codeql-action upload (``fingerprints.ts``): a
    rolling polynomial hash (base 37, wrapping at 64 bits) over the first 100
    UTF-16 code units counted from the start of each line, skipping spaces and
    tabs, with ``\\r\\n``, ``\\r`` and ``\\n`` all read as ``\\n``, followed by
    the value 65535 for end of file and zeros.  The hash is printed as
    unsigned hexadecimal without leading zeros, and identical hashes within a
    file get an occurrence suffix ``:1``, ``:2``, ... in line order.  Lines
    are counted as GitHub counts them: a trailing newline starts one more line.
    """
    window = [0] * _BLOCK_SIZE
    starts = [False] * _BLOCK_SIZE       # does the unit at this window slot start a line?
    out: list[str] = []
    counts: dict[str, int] = {}
    h = 0
    index = 0
    line_start = True
    prev_cr = False

    def emit(value: int) -> None:
        hexval = format(value, "x")
        n = counts[hexval] = counts.get(hexval, 0) + 1
        out.append(f"{hexval}:{n}")

    for current in _utf16_units(text):
        if current == _SPACE or current == _TAB or (prev_cr and current == _LF):
            prev_cr = False
            continue
        if current == _CR:
            current = _LF
            prev_cr = True
        else:
            prev_cr = False
        if starts[index]:
            emit(h)
            starts[index] = False
        if line_start:
            line_start = False
            starts[index] = True
        if current == _LF:
            line_start = True
        h = (_MOD * h + current - _FIRST_MOD * window[index]) & _MASK
        window[index] = current
        index = (index + 1) % _BLOCK_SIZE

    # end of file: one EOF unit (never skipped, always starts a line if one is due) ...
    if starts[index]:
        emit(h)
        starts[index] = False
    if line_start:
        starts[index] = True
    h = (_MOD * h + _EOF - _FIRST_MOD * window[index]) & _MASK
    window[index] = _EOF
    index = (index + 1) % _BLOCK_SIZE
    # ... then zeros until every pending line has its hash
    for _ in range(_BLOCK_SIZE):
        if starts[index]:
            emit(h)
            starts[index] = False
        h = (_MOD * h - _FIRST_MOD * window[index]) & _MASK
        window[index] = 0
        index = (index + 1) % _BLOCK_SIZE
    return out


def file_line_hashes(path: str) -> list[str] | None:
    """:func:`line_hashes` of a file read as UTF-8 (invalid bytes -> U+FFFD), or None."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    return line_hashes(data.decode("utf-8", errors="replace"))


# --------------------------------------------------------------- fingerprint
def stable_fingerprint(rule_id: str, path: str, function: str, key: str) -> str:
    """The line-independent identity of a finding (without occurrence suffix)."""
    blob = json.dumps([FINGERPRINT_KEY, rule_id, path, function, key], ensure_ascii=False)
    # surrogatepass: a non-UTF-8 file name (surrogate-escaped by os.fsdecode) still hashes
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:32]


# ------------------------------------------------------------------ building
def _level(severity: str) -> str:
    try:
        return _LEVELS[severity]
    except KeyError:
        raise ValueError(f"unknown severity {severity!r}") from None


def _region(loc: Loc | None) -> om.Region | None:
    if loc is None or loc.line < 1:
        return None
    region = om.Region(start_line=loc.line)
    if loc.col >= 1:
        region.start_column = loc.col
    if loc.end_line >= loc.line:
        region.end_line = loc.end_line
        if region.start_column is not None and loc.end_col >= 1 and (
                loc.end_line > loc.line or loc.end_col >= loc.col):
            region.end_column = loc.end_col
    return region


def _message(text: str | None) -> om.Message | None:
    return om.Message(text=text) if text else None


def _location(paths: PathMapper, path: str, loc: Loc | None, *, message: str | None = None,
              id: int | None = None, function: str | None = None) -> om.Location:
    return om.Location(
        id=-1 if id is None else id,
        message=_message(message),
        physical_location=om.PhysicalLocation(
            artifact_location=paths.artifact_location(path), region=_region(loc)),
        logical_locations=[om.LogicalLocation(name=function, fully_qualified_name=function,
                                              kind="function")] if function else None,
    )


def _rule_descriptor(rule: Rule) -> om.ReportingDescriptor:
    return om.ReportingDescriptor(
        id=rule.id,
        name=rule.name,
        short_description=om.MultiformatMessageString(text=rule.summary),
        full_description=om.MultiformatMessageString(
            text=markdown_to_text(rule.sections["What it does"])),
        help=om.MultiformatMessageString(
            text=markdown_to_text(rule.body), markdown=rule.body),
        help_uri=rule_help_uri(rule),
        default_configuration=om.ReportingConfiguration(level=_level(rule.severity)),
        properties=_PropertyBag(tags=list(rule.tags), extra={
            "bugcheck": rule.bugcheck,
            "families": list(rule.families),
        }),
    )


def finding_order(f: Finding):
    """Total sort key of a finding (deterministic output whatever the input order)."""
    return (f.sort_key(), f.function, f.key, f.severity, repr(f.related), repr(f.steps))


def notification_order(n: Notification):
    """Total sort key of a notification."""
    return (n.sort_key(), n.level, repr(n.loc))


def finding_fingerprints(findings: Iterable[Finding], root: str) -> dict[int, str]:
    """``id(finding)`` -> its ``pooltrack/v1`` fingerprint (with the ``:N``
    occurrence suffix), numbered in :func:`finding_order` as :func:`to_sarif`
    numbers them.  Pass reported and suppressed findings together."""
    paths = PathMapper(root)
    seen: dict[str, int] = {}
    out: dict[int, str] = {}
    for f in sorted(findings, key=finding_order):
        _, _, ident, _ = paths.resolve(f.path)
        digest = stable_fingerprint(f.rule_id, ident, f.function, f.key)
        seen[digest] = seen.get(digest, 0) + 1
        out[id(f)] = f"{digest}:{seen[digest]}"
    return out


def to_sarif(result: Result, *, root: str, category: str | None = None,
             baseline: dict[str, dict] | None = None) -> dict:
    """The SARIF 2.1.0 log of ``result`` as plain JSON data.

    ``root`` is the source root (``%SRCROOT%``); ``category`` becomes
    ``run.automationDetails.id`` (``"<category>/"``), which GitHub code
    scanning uses to keep uploads of different analyses apart.

    ``result.suppressed`` findings are results too, with
    ``suppressions: [{kind: "inSource", justification}]``.  With ``baseline``
    (``pooltrack/v1`` fingerprint -> that result of the baseline log, see
    :mod:`analyzer.baseline`) every result gets ``baselineState`` ``new`` or
    ``unchanged``, and baseline results no longer found are appended with
    ``baselineState: "absent"``.
    """
    rules = load_rules()
    rule_index = {rid: i for i, rid in enumerate(rules)}
    paths = PathMapper(root)

    findings = sorted([*result.findings, *result.suppressed], key=finding_order)
    notifications = sorted(result.notifications, key=notification_order)

    kinds = dict(NOTIFICATION_KINDS)
    for n in notifications:
        kinds.setdefault(n.kind, f"Tool notification '{n.kind}'.")
    kind_index = {k: i for i, k in enumerate(sorted(kinds))}

    hashes_by_file: dict[str, list[str] | None] = {}
    seen_fingerprints: dict[str, int] = {}
    results: list[om.Result] = []
    for f in findings:
        _, _, ident, abspath = paths.resolve(f.path)
        digest = stable_fingerprint(f.rule_id, ident, f.function, f.key)
        seen_fingerprints[digest] = seen_fingerprints.get(digest, 0) + 1
        fingerprints = {FINGERPRINT_KEY: f"{digest}:{seen_fingerprints[digest]}"}
        if f.loc.line >= 1:
            if abspath not in hashes_by_file:
                hashes_by_file[abspath] = file_line_hashes(abspath)
            hashes = hashes_by_file[abspath]
            if hashes is not None and f.loc.line <= len(hashes):
                fingerprints[LINE_HASH_KEY] = hashes[f.loc.line - 1]

        related = [_location(paths, r.path, r.loc, message=r.message, id=i)
                   for i, r in enumerate(f.related, 1)]
        code_flows = None
        if f.steps:
            # One codeFlow for the path, and one more for each alternative
            # (every distinct call chain of a PT003 finding).
            code_flows = [om.CodeFlow(thread_flows=[om.ThreadFlow(locations=[
                om.ThreadFlowLocation(location=_location(paths, s.path, s.loc, message=s.message))
                for s in flow])]) for flow in (f.steps, *f.flows)]

        results.append(om.Result(
            rule_id=f.rule_id,
            rule_index=rule_index.get(f.rule_id, -1),
            level=_level(f.severity),
            message=om.Message(text=f.message),
            locations=[_location(paths, f.path, f.loc, function=f.function)],
            related_locations=related or None,
            code_flows=code_flows,
            partial_fingerprints=fingerprints,
            suppressions=[om.Suppression(kind="inSource", justification=f.justification or None)]
            if f.justification is not None else None,
            baseline_state=None if baseline is None else (
                "unchanged" if fingerprints[FINGERPRINT_KEY] in baseline else "new"),
        ))

    tool_notifications = []
    for n in notifications:
        tool_notifications.append(om.Notification(
            level=_level(n.level),
            message=om.Message(text=n.message),
            descriptor=om.ReportingDescriptorReference(id=n.kind, index=kind_index[n.kind]),
            locations=[_location(paths, n.path, n.loc)] if n.path else None,
        ))

    driver = om.ToolComponent(
        name=TOOL_NAME,
        version=__version__,
        semantic_version=__version__,
        information_uri=INFORMATION_URI,
        rules=[_rule_descriptor(rule) for rule in rules.values()],
        # GitHub code scanning (the multitool's GH2012) wants fullDescription
        # and help on every reporting descriptor, notification kinds included.
        notifications=[om.ReportingDescriptor(
            id=k, short_description=om.MultiformatMessageString(text=kinds[k]),
            full_description=om.MultiformatMessageString(text=kinds[k]),
            help=om.MultiformatMessageString(text=kinds[k]))
            for k in sorted(kinds)],
    )
    run = om.Run(
        tool=om.Tool(driver=driver),
        automation_details=(om.RunAutomationDetails(
            id=category if category.endswith("/") else category + "/") if category else None),
        column_kind="unicodeCodePoints",
        original_uri_base_ids={SRCROOT: om.ArtifactLocation(uri=paths.root_uri)},
        invocations=[om.Invocation(
            execution_successful=not any(n.kind == "internal-error" for n in notifications),
            tool_execution_notifications=tool_notifications or None,
            properties=_PropertyBag(extra={
                "filesAnalyzed": result.files_analyzed,
                "filesFailed": result.files_failed,
                "linesAnalyzed": result.lines,
            }),
        )],
        results=results,
    )
    log = om.SarifLog(schema_uri=SARIF_SCHEMA_URI, version=SARIF_VERSION, runs=[run])
    plain = to_plain(log)
    if baseline is not None:
        current = {r["partialFingerprints"][FINGERPRINT_KEY] for r in plain["runs"][0]["results"]}
        for fp in sorted(set(baseline) - current):
            gone = {k: v for k, v in baseline[fp].items() if k not in ("ruleIndex", "baselineState")}
            gone["baselineState"] = "absent"
            plain["runs"][0]["results"].append(gone)
    return plain


# ------------------------------------------------- GitHub code scanning limits
#: What GitHub code scanning accepts in one upload (docs.github.com, "SARIF
#: support for code scanning", upload limits).
GITHUB_MAX_RESULTS_PER_RUN = 25_000
GITHUB_MAX_THREAD_FLOW_LOCATIONS = 10_000
GITHUB_MAX_LOCATIONS_PER_RESULT = 1_000
GITHUB_MAX_GZIP_BYTES = 10 * 1024 * 1024
_LEVEL_RANK = {"error": 0, "warning": 1, "note": 2, "none": 3}


def _gzip_size(text: str) -> int:
    import gzip
    return len(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0))


def fit_github_limits(log: dict, dump=None) -> tuple[str, list[str]]:
    """Cut ``log`` (in place) to what GitHub code scanning ingests, and return
    (its JSON text, one message per cut).  Results are kept by level (errors
    first) and then in their sorted order; when the gzipped log is still over
    10 MB, code flows and related locations go first, then results."""
    dump = dump or (lambda obj: json.dumps(obj, indent=2, ensure_ascii=False) + "\n")
    messages: list[str] = []
    for run in log.get("runs", []):
        results = run.get("results", [])
        for r in results:
            for flow in r.get("codeFlows", []):
                for tf in flow.get("threadFlows", []):
                    if len(tf.get("locations", [])) > GITHUB_MAX_THREAD_FLOW_LOCATIONS:
                        tf["locations"] = tf["locations"][:GITHUB_MAX_THREAD_FLOW_LOCATIONS]
                        messages.append("a code flow was cut to "
                                        f"{GITHUB_MAX_THREAD_FLOW_LOCATIONS} steps")
            if len(r.get("relatedLocations", [])) > GITHUB_MAX_LOCATIONS_PER_RESULT:
                r["relatedLocations"] = r["relatedLocations"][:GITHUB_MAX_LOCATIONS_PER_RESULT]
                messages.append("related locations were cut to "
                                f"{GITHUB_MAX_LOCATIONS_PER_RESULT} for a result")
        if len(results) > GITHUB_MAX_RESULTS_PER_RUN:
            keep = sorted(range(len(results)), key=lambda i: (
                _LEVEL_RANK.get(results[i].get("level", "warning"), 1), i))[:GITHUB_MAX_RESULTS_PER_RUN]
            run["results"] = [results[i] for i in sorted(keep)]
            messages.append(f"{len(results)} results are over GitHub's limit of "
                            f"{GITHUB_MAX_RESULTS_PER_RUN} per run; kept {GITHUB_MAX_RESULTS_PER_RUN} "
                            f"(errors first), dropped {len(results) - GITHUB_MAX_RESULTS_PER_RUN}")
    text = dump(log)
    if _gzip_size(text) <= GITHUB_MAX_GZIP_BYTES:
        return text, messages
    for run in log.get("runs", []):
        for r in run.get("results", []):
            r.pop("codeFlows", None)
            r.pop("relatedLocations", None)
    messages.append("the log is over GitHub's 10 MB (gzipped) upload limit: dropped code flows "
                    "and related locations")
    text = dump(log)
    while _gzip_size(text) > GITHUB_MAX_GZIP_BYTES:
        run = max(log["runs"], key=lambda r: len(r.get("results", [])))
        before = len(run["results"])
        if before == 0:
            break
        keep = sorted(range(before), key=lambda i: (
            _LEVEL_RANK.get(run["results"][i].get("level", "warning"), 1), i))[:before // 2]
        run["results"] = [run["results"][i] for i in sorted(keep)]
        messages.append(f"still over 10 MB gzipped: dropped {before - len(keep)} results")
        text = dump(log)
    return text, messages


def sarif_text(result: Result, *, root: str, category: str | None = None,
               baseline: dict[str, dict] | None = None, github_limits: bool = True) -> str:
    """:func:`to_sarif` as JSON text (2-space indent, trailing newline), cut to
    GitHub code scanning's upload limits (a message on stderr for every cut)."""
    log = to_sarif(result, root=root, category=category, baseline=baseline)
    if not github_limits:
        return json.dumps(log, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
    text, messages = fit_github_limits(log)
    for message in messages:
        import sys
        print(f"pooltrack: warning: SARIF: {message}", file=sys.stderr)
    return text


def write_sarif(result: Result, out: str | os.PathLike | TextIO, *, root: str,
                category: str | None = None, baseline: dict[str, dict] | None = None) -> None:
    """Write the SARIF log to a path (UTF-8, ``\\n`` newlines) or a text stream."""
    text = sarif_text(result, root=root, category=category, baseline=baseline)
    write_out(text, out)
