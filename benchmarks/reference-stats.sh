#!/usr/bin/env bash
# Recomputes the committed fmnist-test reference statistics
# (evaluation/src/main/resources/org/atelier/evaluation/distribution/fmnist-test.fmnist-v1.stats)
# from the Fashion-MNIST test images and the shipped fmnist-v1 weights.
# Extra arguments go to `atelier extractor reference-stats`: --images FILE (default
# /usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz), --out DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
# the memory limits the committed statistics were computed under (./atelier's defaults are higher)
export ATELIER_JAVA_OPTS="-Xmx1g -Dorg.bytedeco.javacpp.maxbytes=2g -Dorg.bytedeco.javacpp.maxphysicalbytes=3g ${ATELIER_JAVA_OPTS:-}"
exec ./atelier extractor reference-stats "$@"
