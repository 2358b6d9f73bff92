#!/usr/bin/env bash
# The crash-resume soak on demand: KILLS SIGKILLs of a small training (default 50), at random
# moments mid-step, mid-checkpoint, mid-sample-grid and mid-log-append, each followed by a
# resume; checks that every completed run's metrics equal an uninterrupted run's, that every
# checkpoint reads and that no temp file remains, and prints where the kills landed.
#   scripts/soak.sh [KILLS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-50}"
seed="${2:-16}"
mkdir -p target/soak
nice -n 10 mvn -B -o -pl training -am test -Dtest=CrashResumeSoakTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Datelier.soak.kills="$kills" -Datelier.soak.seed="$seed" >target/soak/soak.log 2>&1 || { tail -60 target/soak/soak.log; exit 1; }
grep '^soak: ' target/soak/soak.log | tail -1
