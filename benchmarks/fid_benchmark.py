#!/usr/bin/python3
"""Atelier's FID next to scipy's sqrtm route, and streaming memory at 10k vs 100k images.

Part 1: two seeded sets of N x D features (default 10 000 x 2048, non-negative like pooled
Inception features) are written as raw float32; the same run then times
  - scipy: numpy mean/cov + scipy.linalg.sqrtm of the covariance product (pytorch-fid's route)
  - Atelier: FeatureStatistics (streaming float64 sums and XᵀX) + FrechetDistance
             (LAPACK dsyevd symmetric eigen-decompositions, BLAS products), in a JVM
             (`./atelier bench fid-files`)
and prints both FID values and times.

Part 2: a full fmnist-v1 evaluation (features, FID and FID∞ against the committed
fmnist-test statistics) streamed over IDX files of 10 000 and 100 000 Fashion-MNIST images
(train images, the extra ones shifted by a pixel), each in its own JVM with the same -Xmx
(`./atelier bench fid-stream`), reporting peak resident memory (VmHWM) and peak heap.

Run from the repository root (needs Debian's python3-numpy/python3-scipy and the
dataset-fashion-mnist package):
    /usr/bin/python3 benchmarks/fid_benchmark.py [--n 10000] [--d 2048] [--skip-memory]
"""
import argparse
import gzip
import json
import os
import platform
import struct
import subprocess
import sys
import time

import numpy as np
import scipy
import scipy.linalg

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "benchmarks", "target")
JVM_FLAGS = ["-Dorg.bytedeco.javacpp.maxbytes=3g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=6g"]
FASHION_TRAIN = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"


def atelier(xmx, *args):
    """One `./atelier bench ...` run in its own JVM (./atelier builds the project first if sources changed);
    its last JSON line. The heap limit comes after ./atelier's own -Xmx, so it wins."""
    env = dict(os.environ, ATELIER_JAVA_OPTS=" ".join(["-Xmx" + xmx] + JVM_FLAGS))
    run = subprocess.run([os.path.join(ROOT, "atelier"), "bench"] + list(args), cwd=ROOT, env=env,
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        raise SystemExit(f"atelier bench {args[0]} failed (exit status {run.returncode})")
    return json.loads([line for line in run.stdout.splitlines() if line.startswith("{")][-1])


def scipy_fid(a, b):
    """pytorch-fid's calculate_frechet_distance, timed in two parts."""
    t0 = time.perf_counter()
    mu1, mu2 = a.mean(0), b.mean(0)
    s1, s2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    t1 = time.perf_counter()
    covmean, _ = scipy.linalg.sqrtm(s1.dot(s2), disp=False)
    if np.iscomplexobj(covmean):
        covmean = covmean.real
    diff = mu1 - mu2
    fid = diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean)
    t2 = time.perf_counter()
    return float(fid), t1 - t0, t2 - t1


def features(n, d, seed, mix):
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((n, d)).astype(np.float32)
    return np.maximum(z @ mix + 0.2, 0).astype(np.float32)


def part1(n, d):
    rng = np.random.default_rng(2024)
    mix_a = (rng.standard_normal((d, d)) / np.sqrt(d)).astype(np.float32)
    mix_b = (mix_a + 0.2 * rng.standard_normal((d, d)) / np.sqrt(d)).astype(np.float32)
    a = features(n, d, 1, mix_a)
    b = features(n, d, 2, mix_b)
    pa, pb = os.path.join(WORK, "a.f32"), os.path.join(WORK, "b.f32")
    a.astype("<f4").tofile(pa)
    b.astype("<f4").tofile(pb)
    fid_s, stats_s, sqrtm_s = scipy_fid(a.astype(np.float64), b.astype(np.float64))
    res = atelier("3g", "fid-files", "--a", pa, "--b", pb, "--d", str(d))
    print(f"FID on {n} x {d} features (two sets), {os.cpu_count()} cores, {platform.processor() or platform.machine()}")
    print(f"  {'route':<44} {'FID':>14} {'stats s':>9} {'FID s':>9} {'total s':>9}")
    print(f"  {'scipy %s: np.cov + linalg.sqrtm' % scipy.__version__:<44} {fid_s:14.6f} {stats_s:9.2f} {sqrtm_s:9.2f} "
          f"{stats_s + sqrtm_s:9.2f}")
    print(f"  {'Atelier: streaming sums + symmetric eigen':<44} {res['fid']:14.6f} {res['stats_seconds']:9.2f} "
          f"{res['fid_seconds']:9.2f} {res['total_seconds']:9.2f}")
    print(f"  relative difference of the two FIDs: {abs(res['fid'] - fid_s) / abs(fid_s):.2e}")
    return dict(scipy=dict(fid=fid_s, stats_seconds=stats_s, sqrtm_seconds=sqrtm_s), atelier=res)


def write_idx(path, n):
    with gzip.open(FASHION_TRAIN, "rb") as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        base = np.frombuffer(f.read(count * rows * cols), dtype=np.uint8).reshape(count, rows, cols)
    out = np.empty((n, rows, cols), dtype=np.uint8)
    done = 0
    shift = 0
    while done < n:
        take = min(count, n - done)
        out[done:done + take] = np.roll(base[:take], shift, axis=2)  # later copies moved right by a pixel
        done += take
        shift += 1
    with open(path, "wb") as f:
        f.write(struct.pack(">IIII", 0x803, n, rows, cols))
        f.write(out.tobytes())


def part2():
    rows = []
    for n in (10_000, 100_000):
        path = os.path.join(WORK, f"fmnist-{n}.idx")
        if not os.path.exists(path):
            write_idx(path, n)
        res = atelier("1g", "fid-stream", "--idx", path)
        rows.append(res)
    print("Streaming fmnist-v1 evaluation (features + FID + FID∞ vs fmnist-test), JVM -Xmx1g each")
    print(f"  {'N':>8} {'peak RSS MB':>12} {'peak heap MB':>13} {'seconds':>9} {'FID':>10} {'FID∞':>10}")
    for r in rows:
        print(f"  {r['n']:>8} {r['peak_rss_mb']:12.0f} {r['peak_heap_mb']:13.0f} {r['seconds']:9.1f} {r['fid']:10.4f} "
              f"{r['fid_inf']:10.4f}")
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=10_000)
    p.add_argument("--d", type=int, default=2048)
    p.add_argument("--skip-memory", action="store_true")
    args = p.parse_args()
    os.makedirs(WORK, exist_ok=True)
    results = dict(fid=part1(args.n, args.d))
    if not args.skip_memory:
        results["memory"] = part2()
    with open(os.path.join(WORK, "fid_benchmark.json"), "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    sys.exit(main())
