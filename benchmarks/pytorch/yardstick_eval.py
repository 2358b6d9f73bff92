#!/usr/bin/python3
"""Measures a PyTorch yardstick (yardstick_train.py) the way Atelier measures its own model.

  loss    per-timestep eps-MSE on the probe set of fashion.py (the numbers `atelier loss-profile` prints for an
          Atelier model: same test images, timesteps and noise); --edges as there, --json for one JSON line
  sample  DDIM (eta 0, leading spacing, x0 clipped to [-1, 1] and eps re-derived, last step to alpha-bar 1) at
          guidance s (eps = eps_u + s (eps_c - eps_u)), classes in turn, one PNG per image into --out-dir, for
          `atelier metrics distribution --a DIR --b fmnist-test` and the class read-back

    /usr/bin/python3 benchmarks/pytorch/yardstick_eval.py loss --weights /work/artifacts-15/torch-torch-3000/ema.pt
    /usr/bin/python3 benchmarks/pytorch/yardstick_eval.py sample --weights ... --n 1000 --out-dir DIR
"""
import argparse
import json
import math
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import fashion  # noqa: E402
import yardstick_train  # noqa: E402


def load(path, weights):
    """weights: "ema" (warmed-up EMA, as Atelier's), "ema_plain" (EMA 0.999 without warm-up) or "net" (trained)."""
    st = torch.load(path)
    net = bench.UNet(yardstick_train.WIDTHS, yardstick_train.GROUPS, yardstick_train.TIME_WIDTH,
                     classes=fashion.CLASSES)
    net.load_state_dict(st[weights])
    return net.eval()


def loss(net, edges, per_bin):
    bins = list(zip(edges[:-1], edges[1:]))
    rows = []
    with torch.no_grad():
        for (lo, hi), (x0, labels, t, eps) in zip(bins, fashion.probe(bins, per_bin)):
            ab = bench.linear_alpha_bar()[torch.from_numpy(t)]
            a = ab.sqrt().float()[:, None, None, None]
            b = (1 - ab).sqrt().float()[:, None, None, None]
            x0, eps = torch.from_numpy(x0), torch.from_numpy(eps)
            xt = a * x0 + b * eps
            errs = []
            for i in range(0, per_bin, 128):
                out = net(xt[i:i + 128], bench.sinusoidal(torch.from_numpy(t[i:i + 128]), net.tw),
                          torch.from_numpy(labels[i:i + 128]))
                errs.append(((out.double() - eps[i:i + 128].double()) ** 2).mean(dim=(1, 2, 3)))
            e = torch.cat(errs)
            rows.append(dict(lo=lo, hi=hi, n=per_bin, mse=float(e.mean()), se=float(e.std() / math.sqrt(per_bin))))
    return rows


def sample(net, n, steps, guidance, seed, out_dir):
    from PIL import Image
    os.makedirs(out_dir, exist_ok=True)
    ab = bench.linear_alpha_bar()
    stride = 1000 // steps
    ts = [k * stride for k in range(steps - 1, -1, -1)]
    gen = torch.Generator().manual_seed(seed)
    done = 0
    with torch.no_grad():
        while done < n:
            m = min(100, n - done)
            labels = torch.arange(done, done + m) % fashion.CLASSES
            null = torch.full((m,), fashion.CLASSES)
            x = torch.randn((m, 1, 28, 28), generator=gen)
            for i, t in enumerate(ts):
                at = float(ab[t])
                ap = float(ab[ts[i + 1]]) if i + 1 < len(ts) else 1.0
                temb = bench.sinusoidal(torch.full((2 * m,), t), net.tw)
                out = net(torch.cat([x, x]), temb, torch.cat([labels, null]))
                eps = out[m:] + guidance * (out[:m] - out[m:])
                x0 = ((x - math.sqrt(1 - at) * eps) / math.sqrt(at)).clamp(-1, 1)
                eps = (x - math.sqrt(at) * x0) / math.sqrt(1 - at)
                x = math.sqrt(ap) * x0 + math.sqrt(1 - ap) * eps
            # ImageFiles.toByte: clamp, then round (v + 1) * 127.5
            img = torch.round((x.clamp(-1, 1) + 1) * 127.5).to(torch.uint8).numpy()
            for k in range(m):
                Image.fromarray(img[k, 0], mode="L").save(os.path.join(out_dir, f"sample-{done + k:05d}.png"))
            done += m
    return done


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    lp = sub.add_parser("loss")
    lp.add_argument("--weights", required=True)
    lp.add_argument("--edges", default="0,10,50,200,500,1000")
    lp.add_argument("--per-bin", type=int, default=512)
    lp.add_argument("--json", action="store_true")
    sp = sub.add_parser("sample")
    sp.add_argument("--weights", required=True)
    sp.add_argument("--n", type=int, default=1000)
    sp.add_argument("--steps", type=int, default=50)
    sp.add_argument("--guidance", type=float, default=3.0)
    sp.add_argument("--seed", type=int, default=0)
    sp.add_argument("--out-dir", required=True)
    for q in (lp, sp):
        q.add_argument("--threads", type=int, default=1)
        q.add_argument("--which", choices=("ema", "ema_plain", "net"), default="ema",
                       help="which weights of the file (default: the warmed-up EMA, as Atelier samples with)")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    if a.cmd == "loss":
        rows = loss(load(a.weights, a.which), [int(e) for e in a.edges.split(",")], a.per_bin)
        if a.json:
            print(json.dumps(dict(model=a.weights, bins=rows)))
        else:
            print(f"{a.weights}, {a.per_bin} probes per bin")
            for r in rows:
                span = str(r["lo"]) if r["hi"] - r["lo"] == 1 else f"{r['lo']}-{r['hi'] - 1}"
                print(f"{span:<10} {r['mse']:10.5f} {r['se']:10.5f}")
    else:
        done = sample(load(a.weights, a.which), a.n, a.steps, a.guidance, a.seed, a.out_dir)
        print(f"{done} samples -> {a.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
