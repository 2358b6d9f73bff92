#!/usr/bin/python3
"""Reference values for AdamTwinTest: torch.optim.Adam (Debian python3-torch) behind
torch.nn.utils.clip_grad_norm_, the optimiser step of the PyTorch yardstick (issue 15), on one sequence
of gradients, to compare with GroupOptimizer (ND4J's Adam behind Atelier's global-norm clip).

Writes adam_reference.json next to this script: two float32 tensors ("a" (3, 4), "b" (5,)); 40 steps whose
learning rate warms up linearly over 10 steps to 0.01 (as linear-warmup does); gradients N(0, 1) per element
times a per-step scale (a few steps have a global norm above the clip of 1, so clipping is exercised), except
b[4], whose gradient stays around 1e-8 -- the size of Adam's epsilon, where epsilon is added decides the
step; the parameters after every step.

Run:  /usr/bin/python3 make_adam_reference.py
"""
import json
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(7)
STEPS, LR, WARMUP, CLIP = 40, 0.01, 10, 1.0

a = torch.randn(3, 4).float()
b = torch.randn(5).float()
params0 = dict(a=a.clone(), b=b.clone())
pa, pb = torch.nn.Parameter(a.clone()), torch.nn.Parameter(b.clone())
opt = torch.optim.Adam([pa, pb], lr=LR, betas=(0.9, 0.999), eps=1e-8)
grads, lrs, after = [], [], []
for s in range(STEPS):
    scale = 0.5 if s % 7 else 3.0
    ga = (scale * torch.randn(3, 4)).float()
    gb = (scale * torch.randn(5)).float()
    gb[4] = float(1e-8 * (1 + 0.5 * torch.randn(())))
    lr = LR * min(1.0, (s + 1) / WARMUP)
    pa.grad, pb.grad = ga.clone(), gb.clone()
    torch.nn.utils.clip_grad_norm_([pa, pb], CLIP)
    for g in opt.param_groups:
        g["lr"] = lr
    opt.step()
    grads.append(dict(a=ga.reshape(-1).tolist(), b=gb.tolist()))
    lrs.append(lr)
    after.append(dict(a=pa.detach().reshape(-1).tolist(), b=pb.detach().tolist()))

with open(os.path.join(HERE, "adam_reference.json"), "w") as f:
    json.dump(dict(clip=CLIP, beta1=0.9, beta2=0.999, eps=1e-8, params=dict(a=a.reshape(-1).tolist(), b=b.tolist()),
                   lr=lrs, grads=grads, after=after), f)
print("wrote adam_reference.json")
