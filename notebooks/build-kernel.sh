#!/usr/bin/env bash
# The part setup.sh and execute.sh share: build the library jars, the notebooks' class path and the
# kernel jar (mvn package of this module and the modules it uses), then write the kernelspec.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
root="$(dirname "$here")"
command -v mvn >/dev/null || { echo "notebooks: Maven is needed (apt-get install maven openjdk-17-jdk-headless)" >&2; exit 2; }
/usr/bin/python3 -c "import nbclient, jupyter_client" 2>/dev/null || {
  echo "notebooks: Jupyter is needed: apt-get install jupyter-nbconvert jupyter-client python3-nbclient" >&2; exit 2; }
echo "notebooks: building (the first time takes a minute or two)…" >&2
log="$(mktemp)"
if ! (cd "$root" && mvn -B -q -DskipTests -pl notebooks -am package) >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"; echo "notebooks: build failed (log above)" >&2; exit 1
fi
rm -f "$log"
/usr/bin/python3 "$here/jupyter_java.py" kernelspec
