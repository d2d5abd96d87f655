#!/usr/bin/env bash
# Installs pooltrack with its test dependencies into .venv and runs the whole
# test suite.  Works on a fresh machine with only Python and Node.js (Debian
# packages the tests need are installed by scripts/ci-deps.sh when running as
# root; otherwise it says what is missing).  On a machine where everything is
# already there it skips the installs: the system packages are only checked,
# and .venv is reinstalled only when pyproject.toml or the Python changed.
# Extra arguments go to pytest (e.g. `bash scripts/test.sh tests/test_cli.py -x`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ci-deps.sh

# .venv/.pooltrack-installed records what the venv was installed from.
stamp_file=.venv/.pooltrack-installed
stamp="$(python3 --version 2>&1) $(python3 -c 'import sys; print(sys.executable)') $(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp" ]; then
    echo "test.sh: installing pooltrack and its test dependencies into .venv" >&2
    rm -f "$stamp_file"
    python3 -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[test]'
    echo "$stamp" > "$stamp_file"
fi

set +e
.venv/bin/python -m pytest -q "$@"
status=$?
set -e
# pytest exits 5 when it collected no tests: that is a failure here, not a pass.
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests" >&2
    exit 1
fi
exit "$status"
