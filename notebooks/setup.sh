#!/usr/bin/env bash
# Builds the project, writes the notebooks' Java kernelspec (notebooks/target/jupyter, git-ignored)
# and opens the notebook UI in notebooks/. Arguments go to `jupyter notebook` (e.g. --no-browser).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
"$here/build-kernel.sh"
command -v jupyter-notebook >/dev/null || {
  echo "setup: the notebook UI is missing; install it with: apt-get install jupyter-notebook" >&2; exit 2; }
cd "$here"
root=(); [[ $(id -u) -eq 0 ]] && root=(--allow-root)   # containers often run as root; Jupyter refuses it otherwise
JUPYTER_PATH="$here/target/jupyter" exec jupyter notebook --notebook-dir="$here" "${root[@]}" "$@"
