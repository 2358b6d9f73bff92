#!/usr/bin/python3
"""How far a deterministic sampler's images are from the probability-flow ODE's solution (issue 15).

DDIM (eta 0), DPM-Solver++(2M) and Euler all integrate the same ODE from the same starting noise (`atelier sample`
with the same --seed and --n draws the same x_T), so with a many-step run as the reference, the distance of a few-step
run's images to the reference's is the sampler's discretisation error, free of the sampling noise that makes FID on
a few hundred images uncertain. Prints, per folder, the root-mean-square difference in [-1, 1] units (the 8-bit PNGs
hold 1/127.5 steps) and the share of pixels off by more than 0.1.

    /usr/bin/python3 benchmarks/ode_error.py REFERENCE_DIR DIR [DIR ...]
"""
import os
import sys

import numpy as np
from PIL import Image


def load(folder):
    names = sorted(n for n in os.listdir(folder) if n.endswith(".png"))
    if not names:
        sys.exit(f"{folder}: no PNG files")
    return names, np.stack([np.asarray(Image.open(os.path.join(folder, n)), dtype=np.float64) / 127.5 - 1 for n in names])


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    ref_names, ref = load(argv[1])
    print(f"{'images':<28} {'n':>4} {'rms':>8} {'> 0.1':>8}")
    for folder in argv[2:]:
        names, x = load(folder)
        if names != ref_names:
            sys.exit(f"{folder}: not the same files as {argv[1]}")
        d = x - ref
        print(f"{os.path.basename(folder.rstrip('/')):<28} {len(names):>4} {np.sqrt(np.mean(d * d)):8.4f} "
              f"{np.mean(np.abs(d) > 0.1):8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
