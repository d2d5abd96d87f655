#!/usr/bin/env bash
# Installs pooltrack into .venv and runs it on the bundled example driver.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet -e .
set +e
.venv/bin/pooltrack check examples/leaky_driver
status=$?
set -e
# Exit 1 means "findings reported": the example driver leaks on purpose.
[ "$status" -le 1 ] || exit "$status"
