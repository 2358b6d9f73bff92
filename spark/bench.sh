#!/usr/bin/env bash
# Images per second and memory of FID + FID∞ on N generated images: the single-machine path (one
# core's worth of tasks) and Spark local[1] / local[2]; N=25 000 and 100 000 show whether memory
# grows with N. Each run is its own JVM (-Xmx1g). Prints one JSON object per run and the load
# average, since speed ratios only count on a quiet machine.
#   spark/bench.sh [OUT_DIR]   (builds first through the reactor unless BENCH_NO_BUILD is set;
#                               writes the images, 78 MB per 100 000, to OUT_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-spark/target/bench}"
mkdir -p "$out"
[[ -n "${BENCH_NO_BUILD:-}" ]] || mvn -B -q -DskipTests package -pl spark -am
cp="spark/target/classes:$(cat spark/target/classpath.txt)"
run() {
  echo "== N=$1 master=$2, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx1g -Dorg.bytedeco.javacpp.maxbytes=2g -Dorg.bytedeco.javacpp.maxphysicalbytes=4g \
    -Dorg.bytedeco.javacpp.cachedir="$PWD/target/javacpp-cache" @spark/java17-add-opens.args \
    -cp "$cp" org.atelier.spark.bench.ScalingBench "$1" "$out" "$2" 2>/dev/null
}
for n in ${BENCH_SIZES:-25000 100000}; do
  for master in none "local[2]"; do
    run "$n" "$master"
  done
done
