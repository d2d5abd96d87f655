"""Every corpus case checked exactly: file, line and rule of each finding."""
import tomllib
from pathlib import Path

import pytest

from analyzer.engine import Config, analyze
from corpus_markers import read_markers, report, score

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def corpus_result():
    return analyze([str(CORPUS)], Config(jobs=2))


def expectations(frontend: str):
    """The markers, less what only the other frontend can see
    (tests/corpus/frontend_ledger.toml): for this one those lines are known
    misses.  (Every ledger entry today is a clang-only finding.)"""
    exp = read_markers(CORPUS)
    ledger = tomllib.loads((CORPUS / "frontend_ledger.toml").read_text())
    for entry in ledger.get("divergence", []):
        key = ((CORPUS / entry["path"]).as_posix(), entry["line"], entry["rule"])
        if entry["found_by"] != frontend and key in exp.expect:
            exp.expect.discard(key)
            exp.missing.add(key)
    return exp


def check_markers(result, frontend: str, capsys) -> None:
    exp = expectations(frontend)
    assert exp.expect, "the corpus has no expectations"
    found = {(Path(f.path).as_posix(), f.loc.line, f.rule_id) for f in result.findings}
    scores, problems = score(exp, found)
    with capsys.disabled():
        print(f"\n{frontend}:\n" + report(scores))
    assert not problems, "\n".join(problems)


def test_corpus_matches_markers(corpus_result, capsys):
    check_markers(corpus_result, "tree-sitter", capsys)


def test_corpus_matches_markers_under_clang(capsys):
    # The shim headers: the same on every machine.  (The mingw-w64 headers
    # are compared in tests/test_clang_frontend.py.)
    from analyzer.frontend.clang import ClangFrontend
    check_markers(analyze([str(CORPUS)], Config(jobs=1, frontend=ClangFrontend(headers="shim"))),
                  "clang", capsys)


def test_corpus_has_positive_and_negative_cases_per_rule():
    from analyzer.ruledocs import load_rules
    exp = read_markers(CORPUS)
    files_with = {}
    for path, _, rule in exp.expect | exp.missing:
        files_with.setdefault(rule, set()).add(path)
    all_files = {p.as_posix() for p in CORPUS.rglob("*.c")}
    for rule in load_rules():
        positives = files_with.get(rule, set())
        assert positives, f"{rule} has no positive corpus case"
        assert all_files - positives, f"{rule} has no negative corpus case"


def test_corpus_analyzes_without_notifications_of_failure(corpus_result):
    failures = [n for n in corpus_result.notifications if n.kind in ("read-error", "internal-error")]
    assert not failures


def test_bundled_example_driver_reports_exactly_its_marked_leaks():
    example = Path(__file__).parent.parent / "examples" / "leaky_driver"
    exp = read_markers(example)
    found = {(Path(f.path).as_posix(), f.loc.line, f.rule_id)
             for f in analyze([str(example)], Config(jobs=1)).findings}
    scores, problems = score(exp, found)
    assert len(exp.expect) == 3 and not problems, problems
