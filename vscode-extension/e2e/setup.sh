#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, offline from everything but
# Debian and npm: Debian's chromium, ripgrep and libkrb5-dev (code-server's
# native kerberos module), code-server 4.100.3 (the newest that runs on Node
# 20) and playwright-core.  Idempotent; prints the install directory last.
#
#   bash vscode-extension/e2e/setup.sh        # installs into $POOLTRACK_E2E_DIR
#
# POOLTRACK_E2E_DIR defaults to ~/.cache/pooltrack-e2e (outside the repository).
set -euo pipefail

DIR="${POOLTRACK_E2E_DIR:-$HOME/.cache/pooltrack-e2e}"
CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.52.0

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v make >/dev/null || need+=(build-essential)
command -v python3 >/dev/null || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
fi

# @vscode/ripgrep's postinstall (run when code-server installs its bundled VS
# Code) downloads ripgrep-<tag>-<target>.tar.gz from GitHub unless it is already in
# $TMPDIR/vscode-ripgrep-cache-<package version>/.  Seed that cache with
# Debian's rg for every published package version and every tag they use.
seed_ripgrep() {
    local tmp="${TMPDIR:-/tmp}" work tarball arch target
    arch="$(uname -m)"
    case "$arch" in
        x86_64) target=x86_64-unknown-linux-musl ;;
        aarch64) target=aarch64-unknown-linux-musl ;;
        *) echo "setup.sh: no ripgrep target for $arch" >&2; return 1 ;;
    esac
    work="$(mktemp -d)"
    cp "$(command -v rg)" "$work/rg"
    tarball="$work/rg.tar.gz"
    tar -czf "$tarball" -C "$work" rg
    local versions
    versions="$(npm view @vscode/ripgrep versions --json 2>/dev/null | tr -d '[]", ' | grep -E '^1\.' || true)"
    [ -n "$versions" ] || versions="1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14"
    for v in $versions; do
        mkdir -p "$tmp/vscode-ripgrep-cache-$v"
        for tag in v13.0.0-4 v13.0.0-8 v13.0.0-10 v13.0.0-11 v13.0.0-12 v13.0.0-13 v14.1.1-1 v14.1.1-2; do
            cp "$tarball" "$tmp/vscode-ripgrep-cache-$v/ripgrep-$tag-$target.tar.gz"
        done
    done
    rm -rf "$work"
}

mkdir -p "$DIR"
if [ ! -x "$DIR/node_modules/.bin/code-server" ] || [ ! -d "$DIR/node_modules/playwright-core" ]; then
    seed_ripgrep
    cd "$DIR"
    [ -f package.json ] || echo '{"name": "pooltrack-e2e-deps", "private": true}' > package.json
    # as root npm drops privileges for install scripts unless told not to;
    # code-server's postinstall runs npm itself and must not prompt.
    export npm_config_unsafe_perm=true npm_config_yes=true
    npm install --no-audit --no-fund --loglevel=error \
        "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"
fi
"$DIR/node_modules/.bin/code-server" --version >/dev/null
echo "$DIR"
