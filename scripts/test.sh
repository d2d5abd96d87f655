#!/usr/bin/env bash
# Installs pooltrack with its test dependencies into .venv and runs the whole
# test suite.  Works on a fresh machine with only Python and Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
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
