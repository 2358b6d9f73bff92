#!/usr/bin/env bash
# Quality against steps of the diffusion samplers (issue 15): for each sampler and step count, N guided samples
# (guidance 3, the ten classes in turn, seed 1) of a class-conditional Fashion-MNIST model, their FID
# (fmnist-v1 features) to the Fashion-MNIST test split and the share fmnist-v1's classifier reads as the asked class.
# Writes OUT/<sampler>-<steps>/ (the PNGs), OUT/<sampler>-<steps>.json (atelier metrics distribution --json) and
# OUT/<sampler>-<steps>.sample.json (atelier sample --read-back --json: seconds and the class read-back);
# benchmarks/sampler_quality_table.py OUT turns them into the table and the plot of docs/diffusion.md.
#
#   benchmarks/sampler-quality.sh [MODEL] [N] [OUT] [sampler:steps ...]
#   defaults: ddpm-cond-fashion 1000 runs/sampler-quality, ddim:50 dpm++2m:20 euler:20 ddim:20 dpm++2m:10
#             euler:10 ddim:10 ddpm:50 ddpm:20 ddpm:10 dpm++2m:50 euler:50
# A configuration whose .json exists is skipped, so an interrupted run continues where it stopped.
# ATELIER overrides the command (default ./atelier), e.g. a copy of the CLI built apart so rebuilds do not disturb it.
set -euo pipefail
cd "$(dirname "$0")/.."
atelier=${ATELIER:-./atelier}
model=${1:-ddpm-cond-fashion}
n=${2:-1000}
out=${3:-runs/sampler-quality}
shift $(( $# < 3 ? $# : 3 ))
configs=("$@")
if [ ${#configs[@]} -eq 0 ]; then
  configs=(ddim:50 dpm++2m:20 euler:20 ddim:20 dpm++2m:10 euler:10 ddim:10 ddpm:50 ddpm:20 ddpm:10 dpm++2m:50 euler:50)
fi
mkdir -p "$out"
for c in "${configs[@]}"; do
  sampler=${c%%:*}
  steps=${c##*:}
  name="$sampler-$steps"
  [ -s "$out/$name.json" ] && continue
  rm -rf "$out/$name"
  "$atelier" sample "$model" --n "$n" --sampler "$sampler" --steps "$steps" --guidance 3 --seed 1 \
      --read-back --json --no-progress --out-dir "$out/$name" > "$out/$name.sample.json.tmp"
  mv "$out/$name.sample.json.tmp" "$out/$name.sample.json"
  "$atelier" metrics distribution --generated "$out/$name" --reference fashion-mnist:test --no-fid-inf --json > "$out/$name.json.tmp"
  mv "$out/$name.json.tmp" "$out/$name.json"
  echo "$name: $(cat "$out/$name.json")"
done
