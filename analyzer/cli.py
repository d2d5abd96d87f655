"""The ``pooltrack`` command."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Optional, Sequence

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pooltrack",
        description="Find pool, MDL, IRP and string leaks in Windows driver C source, "
                    "before Driver Verifier's Pool Tracking does.")
    parser.add_argument("--version", action="version", version=f"pooltrack {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="analyze files and directories")
    check.add_argument("paths", nargs="+", metavar="PATH",
                       help="source files or directories (recursing into .c, .cpp, .h, .hpp)")
    check.add_argument("--format", choices=("text", "sarif", "json"), default="text")
    check.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of stdout")
    check.add_argument("--root", metavar="DIR", default=None,
                       help="source root that SARIF URIs are relative to (default: current directory)")
    check.add_argument("--category", metavar="ID", default=None,
                       help="SARIF runAutomationDetails.id (distinguishes several uploads)")
    check.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                       help="worker processes (default: one per core)")
    check.add_argument("--select", metavar="RULES", help="comma-separated rule ids to report")
    check.add_argument("--ignore", metavar="RULES", help="comma-separated rule ids not to report")
    check.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    check.add_argument("--frontend", choices=("auto", "tree-sitter", "clang"), default="auto",
                       help="parser: clang (libclang, precise, needs the build's flags) or tree-sitter; "
                            "auto uses clang when a compile_commands.json is found (default: auto)")
    check.add_argument("-p", "--build-dir", metavar="DIR", default=None,
                       help="directory holding compile_commands.json (read, never executed)")
    check.add_argument("-I", dest="include_dirs", action="append", default=[], metavar="DIR",
                       help="clang frontend: add an include directory")
    check.add_argument("-D", dest="defines", action="append", default=[], metavar="NAME[=VALUE]",
                       help="clang frontend: define a macro")
    check.add_argument("--driver", dest="drivers", action="append", default=[], metavar="DIR",
                       help="analyze the files under DIR as one driver (repeatable); by default "
                            "each directory with a DriverEntry or equivalent is one")
    check.add_argument("--per-file", action="store_true",
                       help="analyze each file alone: faster, but without the whole-driver rules "
                            "(PT002, PT003, PT006) and cross-file summaries")
    adopt = check.add_argument_group("adoption (suppressions, baselines, configuration)")
    adopt.add_argument("--fail-on", choices=("error", "warning", "note"), default=None,
                       help="lowest severity that makes the exit code 1 (default: warning)")
    adopt.add_argument("--baseline", metavar="SARIF",
                       help="report only results whose pooltrack/v1 fingerprint is not in this SARIF log")
    adopt.add_argument("--write-baseline", metavar="FILE",
                       help="also write this run's SARIF log to FILE, for later --baseline use")
    adopt.add_argument("--show-suppressed", action="store_true",
                       help="text format: also list findings silenced by inline suppressions")
    adopt.add_argument("--report-unused-suppressions", action="store_true", default=None,
                       help="report suppression comments that suppress nothing (a warning notification "
                            "of kind unused-suppression; it fails the run like a warning)")
    adopt.add_argument("--config", metavar="FILE",
                       help="configuration file (default: the nearest .pooltrack.toml or pyproject.toml "
                            "with [tool.pooltrack] above the analyzed paths)")
    adopt.add_argument("--no-config", action="store_true", help="ignore configuration files")
    adopt.add_argument("--changed-files", action="store_true",
                       help="PATHs are changed files (as pre-commit passes them): analyze each one's "
                            "directory tree for context, report findings only in these files")

    sub.add_parser("rules", help="list the rules")
    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", metavar="RULE", help="rule id (PT001) or name (alloc-leak)")
    lsp = sub.add_parser("lsp", help="run the language server on stdio (editor diagnostics)")
    lsp.add_argument("--stdio", action="store_true",
                     help="accepted for clients that pass it; stdio is the only transport")
    return parser


class _Progress:
    """A one-line progress bar on stderr, only for a terminal and a long run."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < 200:
            return
        if done % 25 and done != total:
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
        self.shown = True
        if done == total:
            sys.stderr.write("\n")


def _rule_ids(text: Optional[str], known: set[str]) -> Optional[frozenset[str]]:
    if text is None:
        return None
    ids = frozenset(part.strip().upper() for part in text.split(",") if part.strip())
    unknown = sorted(ids - known)
    if unknown:
        raise SystemExit(_usage_error(f"unknown rule id(s): {', '.join(unknown)} "
                                      f"(see 'pooltrack rules')"))
    return ids


def _usage_error(message: str) -> int:
    print(f"pooltrack: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def _check(args) -> int:
    from .emit.json_out import write_json
    from .emit.sarif import write_sarif
    from .emit.text import write_text
    from .engine import Config, analyze
    from .ruledocs import load_rules

    from .adoption import prepare, outcome

    known = set(load_rules())
    config = Config(jobs=max(0, args.jobs),
                    select=_rule_ids(args.select, known),
                    ignore=_rule_ids(args.ignore, known) or frozenset(),
                    frontend=args.frontend, build_dir=args.build_dir,
                    include_dirs=tuple(args.include_dirs), defines=tuple(args.defines),
                    driver_roots=tuple(os.path.abspath(d) for d in args.drivers),
                    whole_driver=not args.per_file)
    plan = prepare(args, config, known)          # configuration file, baseline, --changed-files
    if isinstance(plan, int):
        return plan
    result = analyze(plan.paths, config, progress=_Progress(not args.no_progress))
    reported, baseline = plan.report(result)

    root = args.root or os.getcwd()
    out = args.output or sys.stdout
    try:
        if args.format == "sarif":
            write_sarif(result, out, root=root, category=args.category, baseline=baseline)
        elif args.format == "json":
            write_json(reported, out, root=root)
        else:
            write_text(reported, out, show_suppressed=args.show_suppressed)
        if args.write_baseline:
            write_sarif(result, args.write_baseline, root=root, category=args.category)
    except OSError as exc:
        return _usage_error(f"cannot write {exc.filename or args.output}: {exc.strerror or exc}")

    # Problems reading or parsing files go to stderr whatever the format, so a
    # CI log shows them next to the SARIF upload.
    if args.format != "text" or args.output:
        for n in result.notifications:
            if n.level in ("error", "warning"):
                where = f"{n.path}:{n.loc.line}" if n.loc and n.path else (n.path or "pooltrack")
                print(f"{where}: {n.level}: {n.message}", file=sys.stderr)
    if result.files_analyzed == 0:
        print("pooltrack: error: no source file could be analyzed", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_FINDINGS if outcome(reported, plan.fail_on) else EXIT_CLEAN


def _rules() -> int:
    from .ruledocs import load_rules
    for rule in load_rules().values():
        print(f"{rule.id}  {rule.name:<22} {rule.severity:<8} {rule.summary}")
    return EXIT_CLEAN


def _explain(name: str) -> int:
    from .ruledocs import load_rules, render_explain
    rules = load_rules()
    wanted = name.strip()
    for rule in rules.values():
        if wanted.upper() == rule.id or wanted.lower() == rule.name:
            print(render_explain(rule))
            return EXIT_CLEAN
    return _usage_error(f"no rule {name!r}; known rules: {', '.join(rules)}")


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:   # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules()
        if args.command == "explain":
            return _explain(args.rule)
        if args.command == "lsp":
            from .lsp import main as lsp_main
            return lsp_main()
        parser.print_help()
        return EXIT_ERROR
    except SystemExit as exc:
        return int(exc.code or 0)
    except KeyboardInterrupt:
        print("pooltrack: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
