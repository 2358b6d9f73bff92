#!/usr/bin/env bash
# Fuzzes the readers of users' files with Jazzer, one target at a time, for DURATION each, and
# prints a table: target, executions, seconds, executions per second, findings. `mvn -B verify`
# only replays each target's inputs (src/test/resources/.../<Class>Inputs/<method>/); this is the
# on-demand run. A finding is written by Jazzer into that inputs folder (crash-<sha1>), so once
# it is fixed it stays as a regression input: commit it.
#
#   scripts/fuzz.sh [DURATION] [Class#method ...]     e.g. scripts/fuzz.sh 10m, scripts/fuzz.sh 1h CheckpointFuzzTest#checkpoint
#
# DURATION is Jazzer's (30s, 10m, 2h; default 10m). Runs under `nice -n 19`; logs go to target/fuzz/.
# The same by hand: JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m mvn -pl MODULE -am test -Dtest='Class#method' \
#   -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true   (the pom turns the bug detectors off for replay)
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-10m}"
shift || true
declare -A module=(
  [ImageFilesFuzzTest#decode]=core
  [IdxReaderFuzzTest#raw]=datasets [IdxReaderFuzzTest#gzipped]=datasets [MaskFilesFuzzTest#mask]=datasets
  [ManifestFuzzTest#manifestCsv]=datasets [ManifestFuzzTest#celebA]=datasets [ManifestFuzzTest#fairFace]=datasets
  [ManifestFuzzTest#utkFaceNames]=datasets
  [VggWeightsFuzzTest#npz]=models
  [RunConfigFuzzTest#yaml]=training [CheckpointFuzzTest#checkpoint]=training [PublishedModelFuzzTest#folder]=training
  [CsvFeatureSourceFuzzTest#featureCsv]=evaluation
)
order=(ImageFilesFuzzTest#decode IdxReaderFuzzTest#raw IdxReaderFuzzTest#gzipped MaskFilesFuzzTest#mask
  ManifestFuzzTest#manifestCsv ManifestFuzzTest#celebA ManifestFuzzTest#fairFace ManifestFuzzTest#utkFaceNames
  VggWeightsFuzzTest#npz RunConfigFuzzTest#yaml CheckpointFuzzTest#checkpoint PublishedModelFuzzTest#folder
  CsvFeatureSourceFuzzTest#featureCsv)
targets=("$@")
((${#targets[@]})) || targets=("${order[@]}")

mkdir -p target/fuzz
printf '%-38s %10s %8s %8s %s\n' target executions seconds exec/s findings
for t in "${targets[@]}"; do
  m="${module[$t]:-}"
  [[ -n "$m" ]] || { echo "fuzz.sh: unknown target $t (known: ${order[*]})" >&2; exit 2; }
  log="target/fuzz/${t/\#/.}.log"
  inputs=$(find "$m/src/test/resources" -path "*/${t%#*}Inputs/${t#*#}" -type d 2>/dev/null | head -1)
  before=$(ls "$inputs" 2>/dev/null | grep -c '^crash-' || true)
  # keep_going: carry on after a finding, so one run reports them all (each distinct one once)
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" JAZZER_KEEP_GOING=50 \
    nice -n 19 mvn -B -o -pl "$m" -am test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true >"$log" 2>&1 || true
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  runs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+).*/\1/' <<<"$done_line")
  secs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+).*/\2/' <<<"$done_line")
  after=$(ls "$inputs" 2>/dev/null | grep -c '^crash-' || true)
  rate="-"; [[ -n "$secs" && "$secs" -gt 0 ]] && rate=$((runs / secs))
  printf '%-38s %10s %8s %8s %s\n' "$t" "${runs:--}" "${secs:--}" "$rate" "$((after - before)) new (see $log)"
done
