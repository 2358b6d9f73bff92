#!/usr/bin/env bash
# Retrains the fmnist-v1 feature extractor on the Fashion-MNIST train split and writes
# models/src/main/resources/org/atelier/models/features/fmnist-v1.{weights,json}.
# Afterwards set FmnistV1.WEIGHTS_SHA256 to the printed hash and rerun
# benchmarks/reference-stats.sh (the committed reference statistics depend on the weights).
# Extra arguments go to `atelier extractor train fmnist-v1`: --epochs N --seed S --data DIR --out DIR
# --max-steps N --init WEIGHTS --lr-start X --lr-end X (see its --help).
set -euo pipefail
cd "$(dirname "$0")/.."
# the memory limits the committed weights were trained under (./atelier's defaults are higher)
export ATELIER_JAVA_OPTS="-Xmx2g -Dorg.bytedeco.javacpp.maxbytes=3g -Dorg.bytedeco.javacpp.maxphysicalbytes=5g ${ATELIER_JAVA_OPTS:-}"
exec ./atelier extractor train fmnist-v1 "$@"
