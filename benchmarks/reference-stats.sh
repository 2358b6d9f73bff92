#!/usr/bin/env bash
# Recomputes the committed fmnist-test reference statistics
# (evaluation/src/main/resources/org/atelier/evaluation/distribution/fmnist-test.fmnist-v1.stats)
# from the Fashion-MNIST test images and the shipped fmnist-v1 weights.
# Extra arguments: --images FILE (default /usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz), --out DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl evaluation -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="evaluation/target/classes:$(cat evaluation/target/cp.txt)"
exec java -Xmx1g -Dorg.bytedeco.javacpp.maxbytes=2g -Dorg.bytedeco.javacpp.maxphysicalbytes=3g \
  -cp "$CP" org.atelier.evaluation.distribution.ReferenceStatisticsTool "$@"
