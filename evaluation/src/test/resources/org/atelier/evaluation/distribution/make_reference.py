#!/usr/bin/python3
"""Reference values for the distribution-metric tests, from numpy/scipy (Debian python3-scipy).

Writes, next to this script:
  features_a.csv, features_b.csv  - two random 12-d feature sets (300 rows each), correlated
                                    covariances and shifted means, written with full float32 precision
  expected.json                   - FID by pytorch-fid's route (scipy.linalg.sqrtm of the product),
                                    KID with one subset holding every sample (no randomness),
                                    precision/recall/density/coverage with k = 3 (Naeem et al. 2020)

Run:  /usr/bin/python3 make_reference.py   (the python3 first on PATH may lack scipy)
"""
import json
import os

import numpy as np
import scipy
import scipy.linalg

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240601)
n, d = 300, 12

mix_a = rng.normal(size=(d, d)) / np.sqrt(d)
mix_b = mix_a + 0.3 * rng.normal(size=(d, d)) / np.sqrt(d)
a = (rng.normal(size=(n, d)) @ mix_a + 0.5).astype(np.float32)
b = (rng.normal(size=(n, d)) @ mix_b).astype(np.float32)
for name, x in (("features_a.csv", a), ("features_b.csv", b)):
    np.savetxt(os.path.join(HERE, name), x, delimiter=",", fmt="%.9g")
# compute on exactly what the CSV holds
a = np.loadtxt(os.path.join(HERE, "features_a.csv"), delimiter=",", dtype=np.float64)
b = np.loadtxt(os.path.join(HERE, "features_b.csv"), delimiter=",", dtype=np.float64)


def fid(x, y):
    mu1, mu2 = x.mean(0), y.mean(0)
    s1, s2 = np.cov(x, rowvar=False), np.cov(y, rowvar=False)
    covmean, _ = scipy.linalg.sqrtm(s1 @ s2, disp=False)
    covmean = covmean.real
    diff = mu1 - mu2
    return float(diff @ diff + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))


def kid_full(x, y):
    dim = x.shape[1]
    m = x.shape[0]
    kxx = (x @ x.T / dim + 1) ** 3
    kyy = (y @ y.T / dim + 1) ** 3
    kxy = (x @ y.T / dim + 1) ** 3
    return float((kxx.sum() - np.trace(kxx) + kyy.sum() - np.trace(kyy)) / (m * (m - 1)) - 2 * kxy.sum() / m ** 2)


def pairwise(x, y):
    return np.sqrt(np.maximum(0, (x * x).sum(1)[:, None] + (y * y).sum(1)[None, :] - 2 * x @ y.T))


def kth_radius(x, k):
    dist = pairwise(x, x)
    np.fill_diagonal(dist, np.inf)  # the point itself is excluded
    return np.sort(dist, axis=1)[:, k - 1]


def prdc(real, fake, k):
    r_real = kth_radius(real, k)
    r_fake = kth_radius(fake, k)
    d = pairwise(real, fake)
    precision = (d < r_real[:, None]).any(axis=0).mean()
    recall = (d < r_fake[None, :]).any(axis=1).mean()
    density = (1.0 / k) * (d < r_real[:, None]).sum(axis=0).mean()
    coverage = (d.min(axis=1) < r_real).mean()
    return dict(precision=float(precision), recall=float(recall), density=float(density), coverage=float(coverage))


expected = {
    "generator": "make_reference.py, numpy %s, scipy %s" % (np.__version__, scipy.__version__),
    "n": n,
    "d": d,
    "fid_scipy_sqrtm": fid(a, b),
    "fid_identical": fid(a, a),
    "kid_full_set": kid_full(a, b),
    "prdc_k3_real_b_fake_a": prdc(b, a, 3),
}
with open(os.path.join(HERE, "expected.json"), "w") as f:
    json.dump(expected, f, indent=2)
    f.write("\n")
print(json.dumps(expected, indent=2))
