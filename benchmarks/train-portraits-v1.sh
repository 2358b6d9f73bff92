#!/usr/bin/env bash
# Retrains the portraits-v1 feature extractor on balanced synthetic portraits (32x32 RGB,
# every attribute uniform, seed 20240611) and writes
# models/src/main/resources/org/atelier/models/features/portraits-v1.{weights,json}.
# Afterwards set PortraitsV1.WEIGHTS_SHA256 to the printed hash.
# Run it as the committed weights were made: OMP_NUM_THREADS=1 benchmarks/train-portraits-v1.sh
# (the thread count changes floating-point summation order, hence the exact weights).
# Extra arguments go to `atelier extractor train portraits-v1`: --train N --holdout N --epochs N --seed S
# --out DIR --max-steps N (see its --help).
set -euo pipefail
cd "$(dirname "$0")/.."
# the memory limits the committed weights were trained under (./atelier's defaults are higher)
export ATELIER_JAVA_OPTS="-Xmx2g -Dorg.bytedeco.javacpp.maxbytes=3g -Dorg.bytedeco.javacpp.maxphysicalbytes=5g ${ATELIER_JAVA_OPTS:-}"
exec ./atelier extractor train portraits-v1 "$@"
