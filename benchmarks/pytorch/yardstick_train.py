#!/usr/bin/python3
"""The PyTorch yardstick for ddpm-cond-fashion: bench.py's UNet-28 twin, class-conditional, trained the way
configs/ddpm-cond-fashion.yaml trains Atelier's (Trainer.java, DiffusionModel.step):

  data      Fashion-MNIST train, v / 127.5 - 1, a fresh permutation per epoch, batch 64
  step      t ~ U{0..999}, eps ~ N(0, I), x_t = sqrt(ab_t) x0 + sqrt(1 - ab_t) eps (linear betas 1e-4..0.02),
            the label replaced by the null token with probability 0.1, loss = mean((net - eps)^2)
  optimiser global-norm clip 1, Adam(2e-4, 0.9, 0.999, eps 1e-8), lr x min(1, (s + 1) / 200)
  EMA       decay min(0.999, (1 + s) / (10 + s)) after zero-based step s (Ema.java); a second EMA, "ema_plain",
            keeps decay 0.999 from the first step (no warm-up), to measure what the warm-up changes

It is a yardstick, not a dependency of the project: nothing in the build runs it.

--init picks the starting weights:
  torch    PyTorch's defaults (weights and biases U(-1/sqrt(fan_in), 1/sqrt(fan_in)), embedding N(0, 1)), with the
           last conv of each residual block, the attention output and the output conv at zero (as UNet.java)
  atelier  UNet.java's scheme before issue 15: weights N(0, 1/fan_in), biases 0, the same zero convs, table N(0, 1)

Writes DIR/state.pt every --checkpoint-every steps and at the end (atomically; --resume continues from it, the
random state included; it holds "net", "ema" and "ema_plain"), DIR/metrics.jsonl (mean loss per 10 steps) and, at
the end, DIR/ema.pt (the same three sets of weights, without the optimiser state).

    nice -n 10 /usr/bin/python3 benchmarks/pytorch/yardstick_train.py --out /work/artifacts-15/torch-3000 [--resume]
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import fashion  # noqa: E402

WIDTHS, GROUPS, TIME_WIDTH = (32, 64, 64), 8, 128


def build(init, seed):
    torch.manual_seed(seed)
    net = bench.UNet(WIDTHS, GROUPS, TIME_WIDTH, classes=fashion.CLASSES)
    if init == "atelier":
        zero = {id(m) for m in zero_convs(net)}
        for m in net.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                fan_in = m.weight[0].numel()
                if id(m) in zero:
                    nn.init.zeros_(m.weight)
                else:
                    nn.init.normal_(m.weight, 0.0, math.sqrt(1.0 / fan_in))
                nn.init.zeros_(m.bias)
    return net


def zero_convs(net):
    """The convs UNet.java starts at zero: each residual block's second conv, attention out, the output conv."""
    blocks = list(net.down_res) + [net.mid1, net.mid2] + list(net.up_res)
    return [b.conv2 for b in blocks] + [net.attn.out, net.out_conv]


def ema_decay(decay, step, warmup):
    return min(decay, (1.0 + step) / (10.0 + step)) if warmup else decay


def ema_update(ema, net, decay):
    with torch.no_grad():
        for k, v in net.state_dict().items():
            ema[k].mul_(decay).add_(v, alpha=1 - decay)


def atomic_save(obj, path):
    tmp = path + ".tmp"
    torch.save(obj, tmp)
    os.replace(tmp, path)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True)
    p.add_argument("--steps", type=int, default=3000)
    p.add_argument("--init", choices=("torch", "atelier"), default="torch")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--checkpoint-every", type=int, default=250)
    p.add_argument("--resume", action="store_true")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    os.makedirs(a.out, exist_ok=True)
    state_file = os.path.join(a.out, "state.pt")

    images, labels = fashion.load("train")
    x_all = torch.from_numpy(fashion.to_unit(images))
    y_all = torch.from_numpy(labels.astype(np.int64))
    ab = bench.linear_alpha_bar()  # float64, as NoiseSchedule
    net = build(a.init, a.seed)
    opt = torch.optim.Adam(net.parameters(), lr=2e-4, betas=(0.9, 0.999), eps=1e-8)
    ema = {k: v.detach().clone() for k, v in net.state_dict().items()}
    ema_plain = {k: v.detach().clone() for k, v in net.state_dict().items()}
    gen = torch.Generator().manual_seed(a.seed)
    step = 0
    if a.resume and os.path.exists(state_file):
        st = torch.load(state_file)
        net.load_state_dict(st["net"])
        opt.load_state_dict(st["opt"])
        ema, ema_plain = st["ema"], st["ema_plain"]
        gen.set_state(st["gen"])
        step = st["step"]
        print(f"resumed at step {step}", flush=True)
    perm, perm_epoch = None, -1
    log = open(os.path.join(a.out, "metrics.jsonl"), "a")
    window, t0 = [], time.time()
    while step < a.steps:
        epoch, pos = divmod(step * 64, len(x_all))
        if epoch != perm_epoch:  # one permutation per epoch, drawn from a generator of its own
            perm = torch.randperm(len(x_all), generator=torch.Generator().manual_seed(a.seed * 1000 + epoch))
            perm_epoch = epoch
        idx = perm[pos:pos + 64]
        if len(idx) < 64:  # the batch runs over into the next epoch's permutation
            nxt = torch.randperm(len(x_all), generator=torch.Generator().manual_seed(a.seed * 1000 + epoch + 1))
            idx = torch.cat([idx, nxt[:64 - len(idx)]])
        x0, y = x_all[idx], y_all[idx].clone()
        t = torch.randint(0, 1000, (64,), generator=gen)
        eps = torch.randn(x0.shape, generator=gen)
        drop = torch.rand(64, generator=gen) < 0.1
        y[drop] = fashion.CLASSES
        abt = ab[t].float()[:, None, None, None]
        xt = abt.sqrt() * x0 + (1 - abt).sqrt() * eps
        loss = F.mse_loss(net(xt, bench.sinusoidal(t, TIME_WIDTH), y), eps)
        for g in opt.param_groups:
            g["lr"] = 2e-4 * min(1.0, (step + 1) / 200.0)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        ema_update(ema, net, ema_decay(0.999, step, True))
        ema_update(ema_plain, net, ema_decay(0.999, step, False))
        step += 1
        window.append(float(loss))
        if step % 10 == 0:
            log.write(json.dumps(dict(step=step, loss=sum(window) / len(window),
                                      seconds_per_step=(time.time() - t0) / len(window))) + "\n")
            log.flush()
            window, t0 = [], time.time()
        if step % a.checkpoint_every == 0 or step == a.steps:
            atomic_save(dict(net=net.state_dict(), opt=opt.state_dict(), ema=ema, ema_plain=ema_plain,
                             gen=gen.get_state(), step=step, init=a.init), state_file)
            print(f"step {step} loss {float(loss):.4f}", flush=True)
    atomic_save(dict(ema=ema, ema_plain=ema_plain, net=net.state_dict(), step=step, init=a.init),
                os.path.join(a.out, "ema.pt"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
