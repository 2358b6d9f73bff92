#!/usr/bin/env bash
# Images per second and memory of FID + FID∞ on N generated images, on Spark local[1] (one core)
# and local[2], for several N up to 100 000: whether the driver's memory grows with N. Each run is
# its own JVM (-Xmx1g) and prints one JSON object, with the load average, since speed ratios only
# count on a quiet machine. Masters: BENCH_MASTERS (default "local[1] local[2]"); "none" is the
# single-machine path; local-cluster[W,C,MB] runs the executors in W separate JVMs, so the
# process measured is the driver alone.
#   spark/bench.sh [OUT_DIR]   (builds first through the reactor unless BENCH_NO_BUILD is set;
#                               writes the images, 78 MB per 100 000, to OUT_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-spark/target/bench}"
mkdir -p "$out"
[[ -n "${BENCH_NO_BUILD:-}" ]] || mvn -B -q -DskipTests package -pl spark -am
cp="spark/target/classes:$(cat spark/target/classpath.txt)"
# local-cluster's workers look for an installed Spark (SPARK_HOME/RELEASE, SPARK_HOME/jars); an empty
# one will do, since the executors get this class path (ScalingBench sets it)
export SPARK_HOME="${SPARK_HOME:-$PWD/spark/target/bench-spark-home}" SPARK_SCALA_VERSION=2.13
mkdir -p "$SPARK_HOME/jars"
touch "$SPARK_HOME/RELEASE"
run() {
  echo "== N=$1 master=$2, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx1g -Dorg.bytedeco.javacpp.maxbytes=2g -Dorg.bytedeco.javacpp.maxphysicalbytes=4g \
    -Dorg.bytedeco.javacpp.cachedir="$PWD/target/javacpp-cache" @spark/java17-add-opens.args \
    -cp "$cp" org.atelier.spark.bench.ScalingBench "$1" "$out" "$2" 2>/dev/null
}
for n in ${BENCH_SIZES:-10000 30000 100000}; do
  for master in ${BENCH_MASTERS:-local[1] local[2]}; do
    run "$n" "$master"
  done
done
