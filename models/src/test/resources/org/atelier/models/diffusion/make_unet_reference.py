#!/usr/bin/python3
"""Reference values for UNetTwinTest: PyTorch (Debian python3-torch) on the same weights and inputs as
Atelier's UNet, to check the forward pass and the training gradients piece by piece (issue 15).

Writes unet_reference.json next to this script:
  embedding   sinusoidal time embedding of width 128 at t = 0, 1, 17, 500, 999 (bench.sinusoidal, float64)
  groupnorm   nn.GroupNorm(2, 4, eps=1e-5) of a (2, 4, 3, 3) float32 input with a large offset (mean ~ 50,
              spread ~ 0.01), the case where a one-pass E[x^2] - E[x]^2 variance loses its digits
  unet        bench.py's class-conditional UNet twin at the tiny8 layout (side 8, widths 4/4, 2 groups, time width
              8, attention; 3 classes + null): every weight random (not the init, so no gradient is zero), under
              Atelier's names and layouts (conv (k, k, in, out), linear (in, out), GroupNorm (1, C, 1, 1)); four
              noisy images at t = 0, 7, 500, 999 with labels 0, 1, 2 and null; the output, the loss mean((out - eps)^2)
              and the gradient of every weight, computed in float64

Run:  /usr/bin/python3 make_unet_reference.py   (from anywhere; it imports benchmarks/pytorch/bench.py)
"""
import json
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, *[".."] * 8))
sys.path.insert(0, os.path.join(ROOT, "benchmarks", "pytorch"))
import bench  # noqa: E402

torch.manual_seed(20251207)


def conv_w(w):
    return w.permute(2, 3, 1, 0)  # (out, in, kh, kw) -> (kh, kw, in, out)


def atelier_params(net):
    """name -> tensor in Atelier's layout, for every parameter of the twin."""
    out = {}

    def conv(prefix, m):
        out[prefix + "_w"] = conv_w(m.weight)
        out[prefix + "_b"] = m.bias

    def linear(prefix, m):
        out[prefix + "_w"] = m.weight.t()
        out[prefix + "_b"] = m.bias.reshape(1, -1)

    def norm(prefix, m):
        out[prefix + "_gamma"] = m.weight.reshape(1, -1, 1, 1)
        out[prefix + "_beta"] = m.bias.reshape(1, -1, 1, 1)

    def res(prefix, b):
        norm(prefix + "_norm1", b.norm1)
        conv(prefix + "_conv1", b.conv1)
        linear(prefix + "_temb", b.temb)
        norm(prefix + "_norm2", b.norm2)
        conv(prefix + "_conv2", b.conv2)
        if b.skip is not None:
            conv(prefix + "_skip", b.skip)

    linear("temb_fc1", net.fc1)
    linear("temb_fc2", net.fc2)
    out["cond_embed"] = net.cond_embed.weight
    conv("in_conv", net.in_conv)
    levels = len(net.down_res)
    for lvl, b in enumerate(net.down_res):
        res(f"down{lvl}_res", b)
    for lvl, c in enumerate(net.down_conv):
        conv(f"down{lvl}_conv", c)
    res("mid_res1", net.mid1)
    norm("mid_attn_norm", net.attn.norm)
    for k in ("q", "k", "v", "out"):
        conv("mid_attn_" + k, getattr(net.attn, k))
    res("mid_res2", net.mid2)
    for i, b in enumerate(net.up_res):
        res(f"up{levels - 1 - i}_res", b)
    for i, c in enumerate(net.up_conv):
        conv(f"up{levels - 1 - i}_conv", c)
    norm("out_norm", net.out_norm)
    conv("out_conv", net.out_conv)
    return out


def flat(t):
    return [float(v) for v in t.detach().double().reshape(-1)]


def embedding():
    t = torch.tensor([0, 1, 17, 500, 999])
    a = t.to(torch.float64)[:, None] * torch.exp(-torch.log(torch.tensor(10000.0, dtype=torch.float64))
                                                 * torch.arange(64, dtype=torch.float64) / 63)[None, :]
    ref = torch.cat([torch.sin(a), torch.cos(a)], 1)
    assert torch.allclose(ref.float(), bench.sinusoidal(t, 128))
    return dict(t=t.tolist(), width=128, values=flat(ref))


def groupnorm():
    x = (50.0 + 0.01 * torch.randn(2, 4, 3, 3, dtype=torch.float64)).float()
    gn = torch.nn.GroupNorm(2, 4, eps=1e-5)
    with torch.no_grad():
        y = gn(x)
        y64 = torch.nn.functional.group_norm(x.double(), 2, eps=1e-5)
    return dict(shape=list(x.shape), groups=2, x=flat(x), torch_float32=flat(y), exact=flat(y64))


def unet():
    net = bench.UNet((4, 4), 2, 8, side=8, channels=1, classes=3).double()
    with torch.no_grad():
        for p in net.parameters():
            p.copy_(0.3 * torch.randn_like(p))
        for m in net.modules():
            if isinstance(m, torch.nn.GroupNorm):
                m.weight.add_(1.0)
    x = (torch.rand(4, 1, 8, 8, dtype=torch.float64) * 2 - 1).float().double()
    eps = torch.randn(4, 1, 8, 8, dtype=torch.float64).float().double()
    t = torch.tensor([0, 7, 500, 999])
    labels = torch.tensor([0, 1, 2, 3])
    ab = bench.linear_alpha_bar()[t][:, None, None, None]
    xt = (ab.sqrt() * x + (1 - ab).sqrt() * eps).float().double()  # what Atelier feeds: float32 x_t
    temb = bench.sinusoidal(t, 8).double()
    out = net(xt, temb, labels)
    loss = ((out - eps) ** 2).mean()
    loss.backward()
    params = atelier_params(net)
    shadow = bench.UNet((4, 4), 2, 8, side=8, channels=1, classes=3).double()
    with torch.no_grad():  # the gradients, laid out by the same mapping as the weights
        for p, s in zip(net.parameters(), shadow.parameters()):
            s.copy_(p.grad)
    grads = atelier_params(shadow)
    return dict(t=t.tolist(), labels=labels.tolist(), xt=flat(xt), eps=flat(eps), out=flat(out), loss=float(loss),
                params={k: dict(shape=list(v.shape), values=flat(v)) for k, v in params.items()},
                grads={k: flat(v) for k, v in grads.items()})


if __name__ == "__main__":
    ref = dict(embedding=embedding(), groupnorm=groupnorm(), unet=unet())
    with open(os.path.join(HERE, "unet_reference.json"), "w") as f:
        json.dump(ref, f)
    print("wrote", os.path.join(HERE, "unet_reference.json"), "loss", ref["unet"]["loss"])
