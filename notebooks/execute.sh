#!/usr/bin/env bash
# Builds the project, writes the kernelspec, and executes every notebook (or those named) headless
# into notebooks/target/executed/; exits 1 if a cell fails. --in-place refreshes the committed outputs.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
"$here/build-kernel.sh"
cd "$here"
exec /usr/bin/python3 jupyter_java.py execute "$@"
