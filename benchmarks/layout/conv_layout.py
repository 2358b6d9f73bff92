"""PyTorch's Conv2d at UNet-28's 3x3 shapes (batch 64), NCHW and channels_last: median ms of 15
calls after 3, forward (no grad) and forward+backward. The twin of ConvLayout.java.

    /usr/bin/python3 benchmarks/layout/conv_layout.py [--threads 2]
"""
import argparse
import os
import time

import torch

SHAPES = [(1, 32, 28), (32, 32, 28), (64, 64, 14), (128, 64, 14), (64, 64, 7), (128, 64, 7), (96, 32, 28)]


def median_ms(f, reps=15):
    for _ in range(3):
        f()
    ts = []
    for _ in range(reps):
        start = time.perf_counter()
        f()
        ts.append((time.perf_counter() - start) * 1e3)
    return sorted(ts)[reps // 2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    print("load average %s; torch %s, %d threads" % (open("/proc/loadavg").read().split()[:3], torch.__version__,
                                                     torch.get_num_threads()))
    print("in->out side   NCHW fwd   NHWC fwd  NCHW f+b  NHWC f+b   (ms)")
    for cin, cout, side in SHAPES:
        row = []
        for layout in (torch.contiguous_format, torch.channels_last):
            conv = torch.nn.Conv2d(cin, cout, 3, padding=1).to(memory_format=layout)
            x = torch.randn(64, cin, side, side).to(memory_format=layout).requires_grad_(True)
            g = torch.randn(64, cout, side, side).to(memory_format=layout)

            def forward():
                with torch.no_grad():
                    conv(x)

            def both():
                torch.autograd.grad(conv(x), [x, conv.weight, conv.bias], g)

            row.append((median_ms(forward), median_ms(both)))
        print("%3d->%3d  %2d  %8.2f  %9.2f  %8.2f  %8.2f" % (cin, cout, side, row[0][0], row[1][0], row[0][1], row[1][1]))


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "2")
    main()
