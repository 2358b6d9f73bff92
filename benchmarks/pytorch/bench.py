#!/usr/bin/python3
"""PyTorch reference for `atelier bench`: the same architectures, shapes, losses and optimiser
steps as the Java models, timed the same way (warm-up, several iterations, median and spread).

Cases (batch 64 unless --quick):
  dcgan28_step   DCGAN-28 training step: D on a real and a fake batch, then G through D (Adam 2e-4, beta1 0.5)
  unet28_step    UNet-28 training step: epsilon-prediction MSE, global-norm clip 1, Adam 2e-4
  unet28_forward UNet-28 forward pass on 64 images (one sampling step), no gradients
  ddim           DDIM, 50 steps (2 with --quick) (eta 0, x0 clipped, eps re-derived), 64 images
  fid            FID of 10 000 x 2048 features (float64 statistics, symmetric-eigen route, as Atelier)
  ssim           SSIM (11x11 Gaussian, sigma 1.5, on [0, 1], border cropped) of 10 000 28x28 pairs

The layer shapes mirror models/.../gan/GanNets.java + GanArch.java and
models/.../diffusion/UNet.java + UNetArch.java + GroupNorm.java; each model case reports its parameter
count and forward multiply-accumulates (counted by forward hooks), which the Java side compares with
its own analytic count, and FID and SSIM report their value, computed from the same deterministic
inputs as the Java side.

Run it alone (from the repository root):
    /usr/bin/python3 benchmarks/pytorch/bench.py [--quick] [--json] [--threads N] [--cases a,b]
or let `atelier bench --vs-pytorch` drive it: then it runs with --serve, reads one JSON command per
line on stdin and answers one JSON line each, so the interpreter starts once and its start-up
never enters a timing. Needs Debian's python3-torch (and python3-numpy).
"""
import argparse
import json
import math
import os
import platform
import re
import statistics
import sys
import time

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError:  # the Java runner checks this first; this is for people running the script by hand
    sys.stderr.write("bench.py: cannot import torch; install Debian's python3-torch (apt-get install python3-torch)\n")
    sys.exit(3)

CASES = ("dcgan28_step", "unet28_step", "unet28_forward", "ddim", "fid", "ssim", "gn_silu")


# ---------------------------------------------------------------- settings (mirror BenchSettings.java)

def settings(quick):
    """The sizes of every case; --quick shrinks them to run in seconds (tiny28 archs as in Java)."""
    if quick:
        return dict(batch=4, gan_g=(16, 8), gan_d=(8, 16), unet_widths=(8, 16, 16), unet_groups=4, unet_time=32,
                    ddim_steps=2, ddim_images=4, fid_n=300, fid_d=64, ssim_pairs=100)
    return dict(batch=64, gan_g=(128, 64), gan_d=(64, 128), unet_widths=(32, 64, 64), unet_groups=8, unet_time=128,
                ddim_steps=50, ddim_images=64, fid_n=10_000, fid_d=2048, ssim_pairs=10_000)


# ---------------------------------------------------------------- deterministic data (DeterministicData.java)

MASK64 = (1 << 64) - 1


def uniform(stream, count, offset=0):
    """float64 in [0, 1) with 24 random bits: splitmix64(stream * 2^32 + i) >> 40, i = offset..offset+count-1.
    Java computes the identical values, so both sides score the same features and images."""
    import numpy as np
    with np.errstate(over="ignore"):
        z = np.arange(offset, offset + count, dtype=np.uint64) + np.uint64((stream << 32) & MASK64)
        z = z + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(40)).astype(np.float64) * (1.0 / (1 << 24))


def fid_features(n, d):
    import numpy as np
    a = uniform(1, n * d).astype(np.float32).reshape(n, d)
    b = (1.1 * uniform(2, n * d) + 0.05).astype(np.float32).reshape(n, d)
    return a, b


def ssim_images(n, side=28):
    import numpy as np
    m = n * side * side
    a = (2.0 * uniform(3, m) - 1.0).astype(np.float32)
    b = np.clip(a.astype(np.float64) + 0.3 * (2.0 * uniform(4, m) - 1.0), -1.0, 1.0).astype(np.float32)
    return a.reshape(n, 1, side, side), b.reshape(n, 1, side, side)


def images(stream, n, side=28):
    """Training images in [-1, 1)."""
    return torch.from_numpy((2.0 * uniform(stream, n * side * side) - 1.0).astype("float32")).reshape(n, 1, side, side)


# ---------------------------------------------------------------- DCGAN-28 (GanNets.java)

def normal_init(module, std=0.02):
    """DCGAN's N(0, 0.02^2) weights, batch-norm scale N(1, 0.02^2), zero shifts and biases."""
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            nn.init.normal_(m.weight, 0.0, std)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            nn.init.normal_(m.weight, 1.0, std)
            nn.init.zeros_(m.bias)


class Generator(nn.Module):
    """z -> Linear(w0*b*b, no bias) -> BN -> ReLU -> (w0, b, b) -> [ConvT k4 s2 p1 (no bias) -> BN -> ReLU]* ->
    ConvT k4 s2 p1 (bias) -> tanh."""

    def __init__(self, widths, side=28, channels=1, z_dim=100):
        super().__init__()
        self.w0 = widths[0]
        self.b = side >> len(widths)
        first = widths[0] * self.b * self.b
        self.fc = nn.Linear(z_dim, first, bias=False)
        self.bn0 = nn.BatchNorm1d(first, eps=1e-5, momentum=0.1)
        layers = []
        for i in range(1, len(widths)):
            layers += [nn.ConvTranspose2d(widths[i - 1], widths[i], 4, 2, 1, bias=False),
                       nn.BatchNorm2d(widths[i], eps=1e-5, momentum=0.1), nn.ReLU()]
        self.body = nn.Sequential(*layers)
        self.out = nn.ConvTranspose2d(widths[-1], channels, 4, 2, 1, bias=True)
        normal_init(self)

    def forward(self, z):
        h = F.relu(self.bn0(self.fc(z))).view(-1, self.w0, self.b, self.b)
        return torch.tanh(self.out(self.body(h)))


class Discriminator(nn.Module):
    """Conv k4 s2 p1 (bias) -> LReLU 0.2 -> [Conv k4 s2 p1 (no bias) -> BN -> LReLU 0.2]* -> flatten -> Linear(1)."""

    def __init__(self, widths, side=28, channels=1):
        super().__init__()
        layers = [nn.Conv2d(channels, widths[0], 4, 2, 1, bias=True), nn.LeakyReLU(0.2)]
        for i in range(1, len(widths)):
            layers += [nn.Conv2d(widths[i - 1], widths[i], 4, 2, 1, bias=False),
                       nn.BatchNorm2d(widths[i], eps=1e-5, momentum=0.1), nn.LeakyReLU(0.2)]
        self.body = nn.Sequential(*layers)
        s = side >> len(widths)
        self.fc = nn.Linear(widths[-1] * s * s, 1, bias=True)
        normal_init(self)

    def forward(self, x):
        return self.fc(torch.flatten(self.body(x), 1))


class DcganStep:
    """ImageGan.step with one critic step: fakes from G (no gradient), D on real and fake (BCE on logits,
    the two means summed), then a fresh z and G's non-saturating loss through D."""

    def __init__(self, s):
        torch.manual_seed(0)
        self.n = s["batch"]
        self.G = Generator(s["gan_g"])
        self.D = Discriminator(s["gan_d"])
        self.optG = torch.optim.Adam(self.G.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
        self.optD = torch.optim.Adam(self.D.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
        self.real = images(10, self.n)
        self.ones = torch.ones(self.n, 1)
        self.zeros = torch.zeros(self.n, 1)

    def run(self):
        z = torch.randn(self.n, 100)
        with torch.no_grad():
            fake = self.G(z)
        d_loss = (F.binary_cross_entropy_with_logits(self.D(self.real), self.ones)
                  + F.binary_cross_entropy_with_logits(self.D(fake), self.zeros))
        self.optD.zero_grad(set_to_none=True)
        d_loss.backward()
        self.optD.step()
        z = torch.randn(self.n, 100)
        g_loss = F.binary_cross_entropy_with_logits(self.D(self.G(z)), self.ones)
        self.optG.zero_grad(set_to_none=True)
        g_loss.backward()
        self.optG.step()

    def describe(self):
        return dict(params=count_params(self.G) + count_params(self.D),
                    forward_macs=dict(g=forward_macs(self.G, torch.randn(self.n, 100)),
                                      d=forward_macs(self.D, self.real)))


# ---------------------------------------------------------------- UNet-28 (UNet.java)

class ResBlock(nn.Module):
    """GN -> SiLU -> conv3x3 -> + Linear(SiLU(emb)) per channel -> GN -> SiLU -> conv3x3, plus the input
    (through a 1x1 conv when the width changes)."""

    def __init__(self, cin, cout, groups, tw):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, cin, eps=1e-5)
        self.conv1 = nn.Conv2d(cin, cout, 3, 1, 1)
        self.temb = nn.Linear(tw, cout)
        self.norm2 = nn.GroupNorm(groups, cout, eps=1e-5)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1)
        nn.init.zeros_(self.conv2.weight)
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else None

    def forward(self, x, emb_act):
        h = self.conv1(F.silu(self.norm1(x)))
        h = h + self.temb(emb_act)[:, :, None, None]
        h = self.conv2(F.silu(self.norm2(h)))
        return (x if self.skip is None else self.skip(x)) + h


class Attention(nn.Module):
    """Single-head self-attention over the side^2 positions (1x1 convs for q, k, v and out), residual."""

    def __init__(self, c, groups):
        super().__init__()
        self.norm = nn.GroupNorm(groups, c, eps=1e-5)
        self.q = nn.Conv2d(c, c, 1)
        self.k = nn.Conv2d(c, c, 1)
        self.v = nn.Conv2d(c, c, 1)
        self.out = nn.Conv2d(c, c, 1)
        nn.init.zeros_(self.out.weight)

    def forward(self, x):
        n, c, hh, ww = x.shape
        h = self.norm(x)
        q = self.q(h).reshape(n, c, hh * ww)
        k = self.k(h).reshape(n, c, hh * ww)
        v = self.v(h).reshape(n, c, hh * ww)
        w = torch.softmax(torch.bmm(q.transpose(1, 2), k) / math.sqrt(c), dim=-1)  # (n, queries, keys)
        a = torch.bmm(v, w.transpose(1, 2))  # (n, c, queries)
        return x + self.out(a.reshape(n, c, hh, ww))


class UNet(nn.Module):
    """UNet.java. With classes > 0 it is class-conditional as DiffusionModel with `conditioning: class`: a table
    of classes + 1 rows (the last is the null token of classifier-free guidance), N(0, 1) like nn.Embedding and
    like ConditionSpace with one slot, whose row is added to the time MLP's output before the last SiLU."""

    def __init__(self, widths, groups, tw, side=28, channels=1, classes=0):
        super().__init__()
        self.tw = tw
        self.classes = classes
        self.fc1 = nn.Linear(tw, tw)
        self.fc2 = nn.Linear(tw, tw)
        self.cond_embed = nn.Embedding(classes + 1, tw) if classes > 0 else None
        self.in_conv = nn.Conv2d(channels, widths[0], 3, 1, 1)
        self.down_res = nn.ModuleList()
        self.down_conv = nn.ModuleList()
        cur = widths[0]
        skip_widths = []
        for lvl, w in enumerate(widths):
            self.down_res.append(ResBlock(cur, w, groups, tw))
            cur = w
            skip_widths.append(cur)
            if lvl < len(widths) - 1:
                self.down_conv.append(nn.Conv2d(cur, cur, 3, 2, 1))
        self.mid1 = ResBlock(cur, cur, groups, tw)
        self.attn = Attention(cur, groups)
        self.mid2 = ResBlock(cur, cur, groups, tw)
        self.up_res = nn.ModuleList()
        self.up_conv = nn.ModuleList()
        for lvl in range(len(widths) - 1, -1, -1):
            self.up_res.append(ResBlock(cur + skip_widths[lvl], widths[lvl], groups, tw))
            cur = widths[lvl]
            if lvl > 0:
                self.up_conv.append(nn.Conv2d(cur, cur, 3, 1, 1))
        self.out_norm = nn.GroupNorm(groups, cur, eps=1e-5)
        self.out_conv = nn.Conv2d(cur, channels, 3, 1, 1)
        nn.init.zeros_(self.out_conv.weight)

    def forward(self, x, t_sin, labels=None):
        """labels: (N,) class indexes, `classes` for the null token; required when the net is conditional."""
        emb = self.fc2(F.silu(self.fc1(t_sin)))
        if self.cond_embed is not None:
            emb = emb + self.cond_embed(labels)
        emb_act = F.silu(emb)
        h = self.in_conv(x)
        skips = []
        for lvl, res in enumerate(self.down_res):
            h = res(h, emb_act)
            skips.append(h)
            if lvl < len(self.down_conv):
                h = self.down_conv[lvl](h)
        h = self.mid2(self.attn(self.mid1(h, emb_act)), emb_act)
        for i, res in enumerate(self.up_res):
            lvl = len(self.down_res) - 1 - i
            h = res(torch.cat([h, skips[lvl]], 1), emb_act)
            if lvl > 0:
                h = self.up_conv[i](F.interpolate(h, scale_factor=2, mode="nearest"))
        return self.out_conv(F.silu(self.out_norm(h)))


def sinusoidal(t, width):
    """TimeEmbedding.java: [sin(t f_k), cos(t f_k)], f_k = exp(-ln(10000) k / (h - 1)); t may be fractional."""
    half = width // 2
    scale = math.log(10000.0) / (half - 1) if half > 1 else 0.0
    f = torch.exp(-scale * torch.arange(half, dtype=torch.float64))
    a = t.to(torch.float64)[:, None] * f[None, :]
    return torch.cat([torch.sin(a), torch.cos(a)], 1).float()


def linear_alpha_bar(steps=1000, start=1e-4, end=0.02):
    betas = torch.linspace(start, end, steps, dtype=torch.float64)
    return torch.cumprod(1.0 - betas, 0)


def unet(s):
    torch.manual_seed(0)
    return UNet(s["unet_widths"], s["unet_groups"], s["unet_time"])


class UNetStep:
    """DiffusionModel.step: t ~ U{0..T-1}, eps ~ N(0, I), x_t = sqrt(ab) x0 + sqrt(1 - ab) eps, MSE on eps;
    then the loop's global-norm clip (1.0) and Adam 2e-4."""

    def __init__(self, s):
        self.n = s["batch"]
        self.net = unet(s)
        self.opt = torch.optim.Adam(self.net.parameters(), lr=2e-4, betas=(0.9, 0.999), eps=1e-8)
        self.x0 = images(11, self.n)
        self.ab = linear_alpha_bar().float()

    def run(self):
        t = torch.randint(0, 1000, (self.n,))
        eps = torch.randn_like(self.x0)
        ab = self.ab[t][:, None, None, None]
        xt = ab.sqrt() * self.x0 + (1 - ab).sqrt() * eps
        loss = F.mse_loss(self.net(xt, sinusoidal(t, self.net.tw)), eps)
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.net.parameters(), 1.0)
        self.opt.step()

    def describe(self):
        t = torch.zeros(self.n, dtype=torch.long)
        return dict(params=count_params(self.net),
                    forward_macs=dict(unet=forward_macs(self.net, self.x0, sinusoidal(t, self.net.tw))))


class UNetForward:
    """One sampling step's network call: the UNet on 64 noisy images at one timestep, no gradients."""

    def __init__(self, s):
        self.n = s["batch"]
        self.net = unet(s).eval()
        self.x = images(12, self.n)

    def run(self):
        with torch.no_grad():
            self.net(self.x, sinusoidal(torch.full((self.n,), 500), self.net.tw))


class Ddim:
    """DDIM (eta 0) with leading spacing t = k * (T // n), x0 clipped to [-1, 1] and eps re-derived from it,
    the last step to alpha-bar = 1 (DdimStep.java with the CLI's defaults)."""

    def __init__(self, s):
        self.n = s["ddim_images"]
        self.steps = s["ddim_steps"]
        self.net = unet(s).eval()
        self.ab = linear_alpha_bar()

    def run(self):
        stride = 1000 // self.steps
        ts = [k * stride for k in range(self.steps - 1, -1, -1)]
        x = torch.randn(self.n, 1, 28, 28)
        with torch.no_grad():
            for i, t in enumerate(ts):
                at = float(self.ab[t])
                ap = float(self.ab[ts[i + 1]]) if i + 1 < len(ts) else 1.0
                eps = self.net(x, sinusoidal(torch.full((self.n,), t), self.net.tw))
                x0 = ((x - math.sqrt(1 - at) * eps) / math.sqrt(at)).clamp_(-1, 1)
                eps = (x - math.sqrt(at) * x0) / math.sqrt(1 - at)
                x = math.sqrt(ap) * x0 + math.sqrt(1 - ap) * eps
        return x


class Fid:
    """FrechetDistance.java's route in torch, float64: per set the mean and (X^T X - n mu mu^T)/(n - 1); then
    Sigma_b = V L V^T (eigh), M = L^1/2 V^T Sigma_a V L^1/2, Tr sqrt(Sigma_a Sigma_b) = sum sqrt(eig(M))."""

    def __init__(self, s):
        a, b = fid_features(s["fid_n"], s["fid_d"])
        self.a = torch.from_numpy(a)
        self.b = torch.from_numpy(b)
        self.value = None

    @staticmethod
    def stats(x):
        x = x.double()
        n = x.shape[0]
        mu = x.mean(0)
        cov = (x.T @ x - n * torch.outer(mu, mu)) / (n - 1)
        return mu, cov

    def run(self):
        mu_a, cov_a = self.stats(self.a)
        mu_b, cov_b = self.stats(self.b)
        lam, v = torch.linalg.eigh(cov_b)
        r = lam.clamp(min=0).sqrt()
        rot = v.T @ cov_a @ v
        m = r[:, None] * (0.5 * (rot + rot.T)) * r[None, :]
        tr = torch.linalg.eigvalsh(m).clamp(min=0).sqrt().sum()
        diff = mu_a - mu_b
        self.value = float(diff @ diff + cov_a.trace() + cov_b.trace() - 2 * tr)

    def facts(self):
        return dict(value=self.value)


class Ssim:
    """SSIM per pair (Wang et al. 2004) on [0, 1] intensities, (x + 1) / 2 of the [-1, 1] images, data
    range 1: 11-tap Gaussian (sigma 1.5) moments, population variances clamped at 0, the map at full size
    and its 5-pixel border cropped — Ssim.whole in Java, and scikit-image's structural_similarity(
    gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=1). The padding mode
    (torch's reflect here, scipy's reflect in Java) only touches the cropped border, not the mean. Batched,
    1000 pairs at a time (which bounds memory), in float32 as torchmetrics computes float32 images."""
    CHUNK = 1000

    def __init__(self, s):
        a, b = ssim_images(s["ssim_pairs"])
        self.a = torch.from_numpy(a)
        self.b = torch.from_numpy(b)
        g = torch.exp(-0.5 * ((torch.arange(11, dtype=torch.float64) - 5) / 1.5) ** 2)
        g = (g / g.sum()).float()
        self.kh = g.reshape(1, 1, 1, 11)
        self.kv = g.reshape(1, 1, 11, 1)
        self.value = None

    def run(self):
        total = 0.0
        for i in range(0, self.a.shape[0], self.CHUNK):
            total += float(self.pairs(self.a[i:i + self.CHUNK], self.b[i:i + self.CHUNK]).double().sum())
        self.value = total / self.a.shape[0]

    def pairs(self, x, y):
        """SSIM of each pair of a chunk; the five local moments in one separable convolution."""
        n = x.shape[0]
        x, y = (x + 1) * 0.5, (y + 1) * 0.5
        stack = torch.cat([x, y, x * x, y * y, x * y], 0)
        p = F.pad(stack, (5, 5, 5, 5), mode="reflect")
        m = F.conv2d(F.conv2d(p, self.kh), self.kv)
        mx, my, sxx, syy, sxy = m[:n], m[n:2 * n], m[2 * n:3 * n], m[3 * n:4 * n], m[4 * n:]
        c1, c2 = 0.01 ** 2, 0.03 ** 2
        vx = (sxx - mx * mx).clamp(min=0)
        vy = (syy - my * my).clamp(min=0)
        cov = sxy - mx * my
        s = ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2))
        return s[:, :, 5:-5, 5:-5].mean(dim=(1, 2, 3))

    def facts(self):
        return dict(value=self.value)


class GroupNormSilu:
    """GroupNormSiluCase.java: GroupNorm (8 groups) + SiLU forward and backward on (batch, 64, side, side), the
    gradient of a fixed upstream tensor, into the input, the scale and the shift."""

    def __init__(self, s):
        n, side = s["batch"], 28
        self.x = images(13, n * 64, side).reshape(n, 64, side, side).requires_grad_(True)
        self.gy = images(14, n * 64, side).reshape(n, 64, side, side)
        self.norm = torch.nn.GroupNorm(8, 64, eps=1e-5)

    def run(self):
        self.x.grad = None
        self.norm.zero_grad(set_to_none=True)
        F.silu(self.norm(self.x)).backward(self.gy)


FACTORIES = dict(dcgan28_step=DcganStep, unet28_step=UNetStep, unet28_forward=UNetForward, ddim=Ddim, fid=Fid,
                 ssim=Ssim, gn_silu=GroupNormSilu)


# ---------------------------------------------------------------- counting

def count_params(module):
    return sum(p.numel() for p in module.parameters())


def forward_macs(module, *inputs):
    """Multiply-accumulates of one forward pass in convolutions, transposed convolutions, linear layers and
    attention's two batched products — what FlopCount.java counts analytically."""
    total = [0]

    def conv_hook(m, inp, out):
        k = m.kernel_size[0] * m.kernel_size[1]
        if isinstance(m, nn.ConvTranspose2d):  # every input pixel meets every kernel tap once
            total[0] += inp[0].numel() * m.out_channels * k // m.groups
        else:
            total[0] += out.numel() * (m.in_channels // m.groups) * k

    def linear_hook(m, inp, out):
        total[0] += out.numel() * m.in_features

    def attn_hook(m, inp, out):
        n, c, hh, ww = inp[0].shape
        total[0] += 2 * n * c * (hh * ww) ** 2

    handles = []
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            handles.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            handles.append(m.register_forward_hook(linear_hook))
        elif isinstance(m, Attention):
            handles.append(m.register_forward_hook(attn_hook))
    was_training = module.training
    module.eval()
    with torch.no_grad():
        module(*inputs)
    module.train(was_training)
    for h in handles:
        h.remove()
    return total[0]


# ---------------------------------------------------------------- timing and memory

def peak_rss_mb():
    """VmHWM of /proc/self/status (peak resident set since start or since the last reset)."""
    try:
        with open("/proc/self/status") as f:
            return int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)) / 1024.0
    except (OSError, AttributeError):
        return float("nan")


def reset_peak_rss():
    """Writing 5 to /proc/self/clear_refs resets VmHWM to the current RSS (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def time_once(case):
    """Wall seconds and process CPU seconds of one run (CPU time: the work done, whatever else the
    machine is running; it exceeds wall time when several threads compute)."""
    c0 = time.process_time()
    t0 = time.perf_counter()
    case.run()
    return time.perf_counter() - t0, time.process_time() - c0


def summary(seconds):
    s = sorted(seconds)
    q = statistics.quantiles(s, n=4, method="inclusive") if len(s) > 1 else [s[0], s[0], s[0]]
    return dict(median_s=statistics.median(s), min_s=s[0], max_s=s[-1], q1_s=q[0], q3_s=q[2], n=len(s),
                seconds=seconds)


def run_alone(args):
    s = settings(args.quick)
    out = dict(tool="pytorch", torch=torch.__version__, threads=torch.get_num_threads(), quick=args.quick,
               machine=machine(), cases={})
    warmup, iters = (0, 1) if args.quick else (args.warmup, args.iterations)
    for name in args.cases:
        reset_peak_rss()
        case = FACTORIES[name](s)
        info = case.describe() if hasattr(case, "describe") else {}
        w = warmup if name not in ("ddim", "fid") else min(warmup, 1)
        it = iters if name not in ("ddim", "fid") else max(1, min(iters, 3))
        for _ in range(w):
            case.run()
        runs = [time_once(case) for _ in range(it)]
        r = summary([w for w, _ in runs])
        r["cpu"] = summary([c for _, c in runs])
        r.update(info)
        r.update(case.facts() if hasattr(case, "facts") else {})
        r["peak_rss_mb"] = peak_rss_mb()
        out["cases"][name] = r
        if not args.json:
            print(f"{name:<16} median {r['median_s']:9.4f} s  [{r['min_s']:.4f} .. {r['max_s']:.4f}]  n={r['n']}"
                  f"  peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)
    if args.json:
        print(json.dumps(out))
    return 0


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.*)", f.read())
            model = m.group(1).strip() if m else ""
    except OSError:
        pass
    return dict(cpu=model or platform.processor(), cores=os.cpu_count(), python=platform.python_version())


def serve():
    """One JSON command per stdin line, one JSON answer per stdout line:
    {"op": "hello"} | {"op": "prepare", "case": C, "quick": B} | {"op": "run"} | {"op": "release"} | {"op": "quit"}.
    "run" times one call of the prepared case inside this process (perf_counter), so no pipe or start-up
    time is counted, and answers the wall and CPU seconds, the peak RSS so far and a metric's value; "prepare" resets
    the peak-RSS mark and answers the network's parameter count and forward MACs."""
    case = None
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            cmd = json.loads(line)
            op = cmd.get("op")
            if op == "hello":
                ans = dict(ok=True, torch=torch.__version__, threads=torch.get_num_threads(), machine=machine())
            elif op == "prepare":
                case = None
                reset_peak_rss()
                case = FACTORIES[cmd["case"]](settings(bool(cmd.get("quick"))))
                ans = dict(ok=True, **(case.describe() if hasattr(case, "describe") else {}))
            elif op == "run":
                wall, cpu = time_once(case)
                ans = dict(ok=True, seconds=wall, cpu_seconds=cpu, peak_rss_mb=peak_rss_mb())
                if hasattr(case, "facts"):
                    ans.update(case.facts())
            elif op == "release":
                case = None
                ans = dict(ok=True)
            elif op == "quit":
                print(json.dumps(dict(ok=True)), flush=True)
                return 0
            else:
                ans = dict(ok=False, error=f"unknown op {op!r}")
        except Exception as e:  # answer, do not die: the Java side reports it next to the case
            ans = dict(ok=False, error=f"{type(e).__name__}: {e}")
        print(json.dumps(ans), flush=True)
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="tiny settings, each case once")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--threads", type=int, default=os.cpu_count(), help="torch threads (default: the core count)")
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--iterations", type=int, default=15)
    p.add_argument("--cases", default=",".join(CASES), help="comma-separated subset of " + ", ".join(CASES))
    p.add_argument("--serve", action="store_true", help="answer JSON commands on stdin (used by atelier bench)")
    args = p.parse_args()
    torch.set_num_threads(max(1, args.threads))
    if args.serve:
        return serve()
    args.cases = [c for c in args.cases.split(",") if c]
    unknown = [c for c in args.cases if c not in FACTORIES]
    if unknown:
        p.error(f"unknown case(s) {unknown}; expected some of {list(CASES)}")
    return run_alone(args)


if __name__ == "__main__":
    sys.exit(main())
