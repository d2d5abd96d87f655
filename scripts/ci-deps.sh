#!/usr/bin/env bash
# Installs the system (Debian) packages the test suite needs, when they are
# missing.  Idempotent: when everything is present it only asks dpkg (well
# under a second) and touches nothing.  Called by scripts/test.sh before
# pytest; it can also be run on its own:
#
#   bash scripts/ci-deps.sh            # install what is missing (root + apt)
#   bash scripts/ci-deps.sh --check    # only report; exit 1 if something is missing
#
# Without root or apt-get it installs nothing: it prints what is missing and
# the command that would install it, and exits 0 so that the tests that do not
# need those packages still run (the others fail with their own messages).
# POOLTRACK_SKIP_SYSTEM_DEPS=1 skips this script entirely.
#
# What needs what:
#   mingw-w64-x86-64-dev            WDM/DDK headers for the clang frontend tests
#   chromium ripgrep libkrb5-dev    VS Code end-to-end test (headless browser,
#   build-essential                 code-server's ripgrep and kerberos module;
#                                   see vscode-extension/e2e/setup.sh)
#   neovim emacs-nox elpa-eglot     editor (LSP client) tests
# Node.js/npm and Python come with the machine, not from here: their absence
# is reported but not fixed.
set -euo pipefail

PACKAGES=(
    mingw-w64-x86-64-dev
    chromium
    ripgrep
    libkrb5-dev
    build-essential
    neovim
    emacs-nox
    elpa-eglot
)

check_only=0
case "${1:-}" in
    --check) check_only=1 ;;
    "") ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

if [ "${POOLTRACK_SKIP_SYSTEM_DEPS:-0}" = 1 ]; then
    echo "ci-deps: POOLTRACK_SKIP_SYSTEM_DEPS=1, not checking system packages" >&2
    exit 0
fi

# Tools that are not Debian packages here (the machine provides them).
for tool in python3 node npm git; do
    command -v "$tool" >/dev/null 2>&1 ||
        echo "ci-deps: WARNING: '$tool' is not on PATH; tests that need it will fail" >&2
done

installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "ci-deps: WARNING: not a Debian-like system (no dpkg-query); cannot check for:" >&2
    echo "ci-deps:   ${PACKAGES[*]}" >&2
    echo "ci-deps: install their equivalents by hand, or some tests will fail" >&2
    [ "$check_only" = 1 ] && exit 1
    exit 0
fi

missing=()
for p in "${PACKAGES[@]}"; do
    installed "$p" || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

if [ "$check_only" = 1 ]; then
    echo "ci-deps: missing Debian packages: ${missing[*]}" >&2
    exit 1
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    why="not running as root"
    command -v apt-get >/dev/null 2>&1 || why="apt-get not found"
    {
        echo "ci-deps: WARNING: missing Debian packages ($why, not installing):"
        echo "ci-deps:   ${missing[*]}"
        echo "ci-deps: install them with:"
        echo "ci-deps:   sudo apt-get update && sudo apt-get install -y ${missing[*]}"
        echo "ci-deps: the tests that need them will fail until then"
    } >&2
    exit 0
fi

echo "ci-deps: installing missing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt_opts=(-q -y -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
log="$(mktemp -t ci-deps-apt.XXXXXX)"
start=$SECONDS
for attempt in 1 2 3; do
    if apt-get "${apt_opts[@]}" update >"$log" 2>&1 &&
       apt-get "${apt_opts[@]}" install "${missing[@]}" >>"$log" 2>&1; then
        break
    fi
    if [ "$attempt" -eq 3 ]; then
        tail -n 40 "$log" >&2
        echo "ci-deps: ERROR: apt-get failed 3 times (full log: $log)" >&2
        exit 1
    fi
    echo "ci-deps: apt-get failed (attempt $attempt), retrying in 10 s" >&2
    sleep 10
done

still=()
for p in "${missing[@]}"; do
    installed "$p" || still+=("$p")
done
if [ "${#still[@]}" -gt 0 ]; then
    echo "ci-deps: ERROR: still missing after apt-get install: ${still[*]}" >&2
    exit 1
fi
echo "ci-deps: installed ${missing[*]} in $((SECONDS - start)) s" >&2
