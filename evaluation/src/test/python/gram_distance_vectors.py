"""Reference values for GramDistanceTest: the Gram-matrix style distance computed with torch.

Run with Debian's interpreter: /usr/bin/python3 evaluation/src/test/python/gram_distance_vectors.py
(needs python3-torch; printed with torch 1.13). The feature maps are a fixed formula the test
rebuilds: value k (channel-major) of map m is float32(sin(0.37 k + m) * (1 + 0.1 (k % 7))).
Per layer: G = F F^T / (H W) over the C x (H W) features, then mean((G_a - G_b)^2) over C x C;
the distance is the plain mean over layers.
"""
import math

import torch


def feature_map(m, c, h, w):
    k = torch.arange(c * h * w, dtype=torch.float64)
    v = torch.sin(0.37 * k + m) * (1 + 0.1 * torch.remainder(k, 7))
    return v.to(torch.float32).to(torch.float64).reshape(c, h * w)


def gram(f):
    return f @ f.T / f.shape[1]


def layer(a, b):
    return torch.mean((gram(a) - gram(b)) ** 2).item()


# two "images", two layers each; the second image is smaller, as a style image may be
a = [feature_map(0, 3, 4, 5), feature_map(1, 4, 2, 3)]
b = [feature_map(2, 3, 3, 6), feature_map(3, 4, 1, 2)]
layers = [layer(x, y) for x, y in zip(a, b)]
print("layer distances", " ".join(f"{v:.17g}" for v in layers))
print("distance", f"{sum(layers) / len(layers):.17g}")
print("gram a0 first row", " ".join(f"{v:.17g}" for v in gram(a[0])[0].tolist()))
