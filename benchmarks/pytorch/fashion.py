"""Fashion-MNIST for the PyTorch yardstick, read as Atelier reads it (datasets/.../FashionMnist.java):
Debian's dataset-fashion-mnist IDX files, pixels v in 0..255 mapped to v / 127.5 - 1 (ImageFiles.toUnit).

Also the probe set of the per-timestep loss (models/.../diffusion/LossProbe.java computes the same numbers):
for bin b = [lo, hi) and probe k = 0..K-1, the image is test image k, the timestep
t = lo + floor(u(STREAM_T + b, k) * (hi - lo)), and the noise of pixel p is the Box-Muller normal
sqrt(-2 ln(1 - u1)) cos(2 pi u2), u1 = u(STREAM_EPS1 + b, k*784 + p), u2 = u(STREAM_EPS2 + b, k*784 + p),
where u(s, i) is bench.py's counter-based uniform (splitmix64(s 2^32 + i), top 24 bits). Both sides compute the
draws in float64 and round the noise once to float32, so they feed the networks the same inputs bit for bit.
"""
import gzip
import math
import os

import numpy as np

DATA_DIR = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")
FILES = {"train": ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
         "test": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")}
CLASSES = 10

# Streams of the probe draws (LossProbe.java has the same constants).
STREAM_T = 100
STREAM_EPS1 = 200
STREAM_EPS2 = 300
# The default bins of the per-timestep table: [lo, hi) over the 1000 training timesteps.
BINS = ((0, 10), (10, 50), (50, 200), (200, 500), (500, 1000))


def _read(path, magic, dims):
    with gzip.open(path, "rb") as f:
        data = f.read()
    if int.from_bytes(data[0:4], "big") != magic:
        raise ValueError(f"{path}: not an IDX file of the expected kind (magic {data[0:4].hex()})")
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(split):
    """(images uint8 (N, 28, 28), labels uint8 (N,)) of 'train' or 'test'."""
    img, lab = FILES[split]
    images = _read(os.path.join(DATA_DIR, img), 0x803, 3)
    labels = _read(os.path.join(DATA_DIR, lab), 0x801, 1)
    return images, labels


def to_unit(images_u8):
    """uint8 (N, 28, 28) -> float32 (N, 1, 28, 28) in [-1, 1]: v / 127.5 - 1 in float32, as Java does."""
    return (images_u8.astype(np.float32) / np.float32(127.5) - np.float32(1.0))[:, None, :, :]


def uniform(stream, count, offset=0):
    from bench import uniform as u  # one definition of the shared counter-based generator
    return u(stream, count, offset)


def probe(bins=BINS, per_bin=512, side=28):
    """The probe set: for each bin, (x0 float32 (K,1,side,side), labels (K,), t int64 (K,), eps float32)."""
    images, labels = load("test")
    x0 = to_unit(images[:per_bin])
    plane = side * side
    out = []
    for b, (lo, hi) in enumerate(bins):
        u = uniform(STREAM_T + b, per_bin)
        t = lo + np.floor(u * (hi - lo)).astype(np.int64)
        u1 = uniform(STREAM_EPS1 + b, per_bin * plane)
        u2 = uniform(STREAM_EPS2 + b, per_bin * plane)
        eps = (np.sqrt(-2.0 * np.log(1.0 - u1)) * np.cos(2.0 * math.pi * u2)).astype(np.float32)
        out.append((x0, labels[:per_bin].astype(np.int64), t, eps.reshape(per_bin, 1, side, side)))
    return out
