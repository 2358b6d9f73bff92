#!/usr/bin/env bash
# Retrains the fmnist-v1 feature extractor on the Fashion-MNIST train split and writes
# models/src/main/resources/org/atelier/models/features/fmnist-v1.{weights,json}.
# Afterwards set FmnistV1.WEIGHTS_SHA256 to the printed hash and rerun
# benchmarks/reference-stats.sh (the committed reference statistics depend on the weights).
# Extra arguments go to the trainer: --epochs N --seed S --data DIR --out DIR --max-steps N.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl models -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="models/target/classes:$(cat models/target/cp.txt)"
exec java -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=3g -Dorg.bytedeco.javacpp.maxphysicalbytes=5g \
  -cp "$CP" org.atelier.models.features.FmnistV1Trainer "$@"
