"""Where PyTorch's UNet-28 training step spends its time: torch.profiler over 5 steps of bench.py's
own `unet28_step` case (after 3 warm-ups), ops by self CPU time. The counterpart of
`atelier bench --profile --cases unet28_step`.

    /usr/bin/python3 benchmarks/pytorch/profile_unet_step.py [--threads 2]
"""
import argparse
import os
import sys

import torch
from torch.profiler import ProfilerActivity, profile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402

RUNS = 5


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    step = bench.UNetStep(bench.settings(False))
    for _ in range(3):
        step.run()
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        for _ in range(RUNS):
            step.run()
    print("load average %s; %d threads; totals below are for %d steps" % (open("/proc/loadavg").read().split()[:3],
                                                                            torch.get_num_threads(), RUNS))
    print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=18))


if __name__ == "__main__":
    main()
