"""Reference values for FeatheringTest: scipy's Gaussian blur of a fixed hole, the soft mask of
Feathering.alpha. Run with Debian's python3-scipy: /usr/bin/python3 feathering_reference.py"""
import numpy as np
from scipy.ndimage import gaussian_filter

h, w = 9, 11
hole = np.zeros((h, w))
hole[2:5, 3:7] = 1  # rows 2..4, columns 3..6
hole[7, 9] = 1
for sigma in (0.8, 1.5):
    blurred = gaussian_filter(hole, sigma, mode="nearest")
    alpha = np.maximum(hole, blurred)
    print(f"sigma {sigma}: row 5 =", ", ".join(f"{v:.9f}" for v in alpha[5]))
    print(f"sigma {sigma}: column 8 =", ", ".join(f"{v:.9f}" for v in alpha[:, 8]))
