package org.atelier.models.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.atelier.models.common.Init;
import org.atelier.models.common.Layers;
import org.atelier.models.common.Net;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The noise-prediction UNet, built into a {@link Net} (parameters live in its store, group
 * {@value #GROUP}). For a {@link UNetSpec} with widths w₀…w_{L−1}:
 * <pre>
 * x ─ conv3×3 → w₀
 *   level l = 0…L−1:  ResBlock(→ w_l) ─(skip_l)─ [l &lt; L−1: conv3×3 stride 2]
 *   middle (lowest):  ResBlock ─ self-attention ─ ResBlock
 *   level l = L−1…0:  concat(h, skip_l) ─ ResBlock(→ w_l) ─ [l &gt; 0: nearest ×2 ─ conv3×3]
 *   GroupNorm ─ SiLU ─ conv3×3 → C   (the predicted ε or v)
 * ResBlock(in → out): GN ─ SiLU ─ conv3×3 ─ (+ Linear(SiLU(emb)) per channel) ─ GN ─ SiLU ─ conv3×3,
 *                     plus the input (through a 1×1 conv when in ≠ out)
 * emb = MLP(sinusoidal(t)) [+ E·c, the condition's embedding]; MLP = Linear ─ SiLU ─ Linear
 * </pre>
 * This is Ho et al. 2020's design (appendix B) with one residual block per level and
 * attention only at the lowest level. Weights and biases start as PyTorch's Linear and Conv2d
 * do, U(−1/√fan_in, 1/√fan_in); the weights of the last conv of every residual block, the
 * attention output and the output conv start at zero, so each block starts close to the
 * identity and the network close to ε̂ = 0 (as in Dhariwal and Nichol 2021's code).
 *
 * <p>Why PyTorch's init (issue 15): weights N(0, 1/fan_in) and zero biases, three times the
 * variance, left the ε-MSE of ddpm-cond-fashion after its 3000 steps 4–8 % above the PyTorch
 * twin's in every band of timesteps below 750 (most at small t, where the residual error shows as
 * speckle in DDIM samples); the PyTorch twin started from our old init has our profile
 * (docs/diffusion.md, "Training quality").
 */
final class UNet {
    static final String GROUP = "unet";

    private final Net net;
    private final UNetSpec spec;
    private final SameDiff sd;

    private UNet(Net net, UNetSpec spec) {
        this.net = net;
        this.spec = spec;
        this.sd = net.sd();
    }

    /**
     * @param x         (N, C, side, side) noisy images
     * @param timeSin   (N, timeWidth) sinusoidal embedding of the timesteps ({@link TimeEmbedding})
     * @param cond      (N, condWidth) multi-hot condition ({@link ConditionSpace#encode}), or null
     * @param condWidth width of {@code cond}; 0 when there is none
     * @param slots     number of condition slots (one-hots summed in {@code cond}); scales E's initial values
     * @return the network's output, (N, C, side, side)
     */
    static SDVariable build(Net net, UNetSpec spec, int channels, SDVariable x, SDVariable timeSin,
                            SDVariable cond, int condWidth, int slots) {
        return new UNet(net, spec).forward(channels, x, timeSin, cond, condWidth, slots);
    }

    private SDVariable forward(int channels, SDVariable x, SDVariable timeSin, SDVariable cond, int condWidth, int slots) {
        int tw = spec.timeWidth();
        SDVariable emb = linear("temb_fc1", timeSin, tw, tw);
        emb = linear("temb_fc2", silu(emb), tw, tw);
        if (cond != null) {
            double std = 1.0 / Math.sqrt(Math.max(1, slots));
            SDVariable table = net.param(GROUP, "cond_embed", () -> net.init().normal(std, condWidth, tw));
            emb = emb.add(cond.mmul(table));
        }
        SDVariable embAct = silu(emb);
        List<Integer> w = spec.widths();
        int side = spec.side();
        SDVariable h = conv("in_conv", x, channels, w.get(0), 3, 1, false);
        int cur = w.get(0);
        List<SDVariable> skips = new ArrayList<>();
        List<Integer> skipWidths = new ArrayList<>();
        for (int l = 0; l < w.size(); l++) {
            h = resBlock("down" + l + "_res", h, embAct, cur, w.get(l), side);
            cur = w.get(l);
            skips.add(h);
            skipWidths.add(cur);
            if (l < w.size() - 1) {
                h = conv("down" + l + "_conv", h, cur, cur, 3, 2, false);
                side /= 2;
            }
        }
        h = resBlock("mid_res1", h, embAct, cur, cur, side);
        if (spec.attention()) {
            h = attention("mid_attn", h, cur, side);
        }
        h = resBlock("mid_res2", h, embAct, cur, cur, side);
        for (int l = w.size() - 1; l >= 0; l--) {
            h = sd.concat(1, h, skips.get(l));
            h = resBlock("up" + l + "_res", h, embAct, cur + skipWidths.get(l), w.get(l), side);
            cur = w.get(l);
            if (l > 0) {
                h = sd.cnn().upsampling2d(h, 2, 2, true);
                side *= 2;
                h = conv("up" + l + "_conv", h, cur, cur, 3, 1, false);
            }
        }
        h = silu(GroupNorm.apply(net, "out_norm", h, cur, spec.groups(), side));
        return conv("out_conv", h, cur, channels, 3, 1, true);
    }

    private SDVariable resBlock(String name, SDVariable x, SDVariable embAct, int in, int out, int side) {
        SDVariable h = silu(GroupNorm.apply(net, name + "_norm1", x, in, spec.groups(), side));
        h = conv(name + "_conv1", h, in, out, 3, 1, false);
        SDVariable t = linear(name + "_temb", embAct, spec.timeWidth(), out);
        h = h.add(sd.reshape(t, -1, out, 1, 1));
        h = silu(GroupNorm.apply(net, name + "_norm2", h, out, spec.groups(), side));
        h = conv(name + "_conv2", h, out, out, 3, 1, true);
        SDVariable skip = in == out ? x : conv(name + "_skip", x, in, out, 1, 1, false);
        return skip.add(h);
    }

    /** Single-head self-attention over the side² positions, with a residual connection. */
    private SDVariable attention(String name, SDVariable x, int c, int side) {
        SDVariable h = GroupNorm.apply(net, name + "_norm", x, c, spec.groups(), side);
        long positions = (long) side * side;
        SDVariable q = sd.reshape(conv(name + "_q", h, c, c, 1, 1, false), -1, c, positions);
        SDVariable k = sd.reshape(conv(name + "_k", h, c, c, 1, 1, false), -1, c, positions);
        SDVariable v = sd.reshape(conv(name + "_v", h, c, c, 1, 1, false), -1, c, positions);
        // (N, features, positions) is the layout dotProductAttention expects; scaled by 1/√c
        SDVariable a = sd.nn().dotProductAttention(q, k, v, null, true);
        SDVariable out = conv(name + "_out", sd.reshape(a, -1, c, side, side), c, c, 1, 1, true);
        return x.add(out);
    }

    private SDVariable silu(SDVariable x) {
        return sd.nn().swish(x);
    }

    private SDVariable linear(String name, SDVariable x, int in, int out) {
        double bound = 1.0 / Math.sqrt(in);
        return Layers.linear(net, GROUP, name, x, () -> net.init().uniform(bound, in, out),
                () -> net.init().uniform(bound, 1, out));
    }

    /** k×k convolution, "same" padding for odd k, with bias; {@code zero} starts its weights (not its bias) at 0. */
    private SDVariable conv(String name, SDVariable x, int in, int out, int k, int stride, boolean zero) {
        double bound = 1.0 / Math.sqrt(k * k * in);
        return Layers.conv(net, GROUP, name, x, k, stride, k / 2,
                () -> zero ? Init.zeros(k, k, in, out) : net.init().uniform(bound, k, k, in, out),
                () -> net.init().uniform(bound, out));
    }
}
