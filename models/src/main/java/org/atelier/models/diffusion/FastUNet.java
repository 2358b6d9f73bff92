package org.atelier.models.diffusion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.models.fast.ChannelRuns;
import org.atelier.models.fast.Conv;
import org.atelier.models.fast.Dense;
import org.atelier.models.fast.GroupNormAct;
import org.atelier.models.fast.Kernels;
import org.atelier.models.fast.LayerClock;
import org.atelier.models.fast.SelfAttention;
import org.atelier.models.fast.UpsampleConv;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link UNet} with an explicit forward and backward pass outside SameDiff's executor (the
 * "fast" engine): the same layers in the same order over the very parameter arrays the SameDiff
 * graph holds (looked up by the same names, so checkpoints, the optimiser and the EMA see no
 * difference), each layer's activations and gradients in arrays allocated once per batch size and
 * reused. Convolutions and matrix products are ND4J's native ops (the up path's nearest upsampling
 * and 3×3 convolution computed on the low-resolution input, {@link UpsampleConv}, and written straight
 * into the next level's concatenation buffer);
 * GroupNorm+SiLU, the softmax and the loss are hand-written loops ({@code org.atelier.models.fast}).
 * Inside, activations are channels-last (N, H, W, C), the layout ND4J's oneDNN convolves without
 * transposing ({@link Conv}); the input and output keep the UNet's (N, C, H, W), transposed at the
 * two ends.
 * SameDiff's autodiff of {@link UNet} is the oracle: FastUNetTest compares every parameter's
 * gradient and a loss trajectory. Float32 or float64, whichever the parameters are.
 */
public final class FastUNet {
    /** Batch sizes whose buffers are kept (training and the sampling chunk, with or without guidance). */
    private static final int PLANS_KEPT = 2;

    private final UNetSpec spec;
    private final int channels;
    private final boolean conditional;
    private final Map<String, INDArray> params;
    private final Map<String, INDArray> grads = new LinkedHashMap<>();
    private final List<Plan> plans = new ArrayList<>();

    /**
     * @param params every parameter of {@link UNet} by its name (e.g. a {@code ParameterStore}'s map); the
     *               arrays are used in place, never copied
     * @param conditional whether the net has the condition embedding {@code cond_embed}
     */
    public FastUNet(UNetSpec spec, int channels, boolean conditional, Map<String, INDArray> params) {
        this.spec = spec;
        this.channels = channels;
        this.conditional = conditional;
        this.params = params;
        params.forEach((n, a) -> grads.put(n, a.ulike()));
    }

    /** The output for x (N, C, side, side), sinusoidal time embedding temb (N, tw) and cond (N, w) or null. */
    public INDArray forward(INDArray x, INDArray temb, INDArray cond) {
        return plan(x.size(0)).forward(x, temb, cond);
    }

    /**
     * The mean squared error between the output and {@code target}, with every parameter's gradient
     * written to {@link #gradients()}.
     */
    public double lossAndGradients(INDArray x, INDArray temb, INDArray cond, INDArray target) {
        Plan p = plan(x.size(0));
        INDArray out = p.forward(x, temb, cond);
        double loss = Kernels.mseWithGradient(out, target, p.gOutNchw);
        p.gOut.assign(p.gOutNchw.permute(0, 2, 3, 1));
        p.backward();
        return loss;
    }

    /** Parameter name → its gradient from the last {@link #lossAndGradients} (arrays reused by the next call). */
    public Map<String, INDArray> gradients() {
        return grads;
    }

    private Plan plan(long n) {
        for (Plan p : plans) {
            if (p.n == n) {
                return p;
            }
        }
        if (plans.size() == PLANS_KEPT) {
            plans.remove(0);
        }
        Plan p = new Plan(n);
        plans.add(p);
        return p;
    }

    private INDArray p(String name) {
        INDArray a = params.get(name);
        if (a == null) {
            throw new IllegalStateException("the UNet has no parameter " + name);
        }
        return a;
    }

    private Conv conv(String name, int stride, long n, int side) {
        return new Conv(p(name + "_w"), p(name + "_b"), grads.get(name + "_w"), grads.get(name + "_b"), stride, n, side);
    }

    private GroupNormAct norm(String name, boolean silu, long n, int c, int side) {
        return new GroupNormAct(p(name + "_gamma"), p(name + "_beta"), grads.get(name + "_gamma"),
                grads.get(name + "_beta"), spec.groups(), silu, (int) n, c, side);
    }

    private Dense dense(String name, INDArray x, INDArray gradOut, boolean bias) {
        String w = bias ? name + "_w" : name;
        return new Dense(x, p(w), bias ? p(name + "_b") : null, grads.get(w), bias ? grads.get(name + "_b") : null, gradOut);
    }

    /** Every layer and buffer for one batch size. */
    private final class Plan {
        final long n;
        final INDArray x;          // channels-last copy of the input
        final INDArray temb;
        final INDArray cond;
        final INDArray outNchw;    // the output in the UNet's layout
        final INDArray gOutNchw;   // the loss gradient in that layout, then
        final INDArray gOut;       // channels-last
        // time embedding: emb = fc2(SiLU(fc1(temb))) [+ cond·E]; embAct = SiLU(emb)
        final Dense fc1;
        final INDArray act1;
        final INDArray gFc1;
        final Dense fc2;
        final Dense condEmbed;
        final INDArray emb;
        final INDArray gEmb;
        final INDArray embAct;
        final INDArray gEmbAct;
        final Conv inConv;
        final List<ResBlock> down = new ArrayList<>();
        final List<Conv> downConv = new ArrayList<>();
        final ResBlock mid1;
        final Attention attn;
        final ResBlock mid2;
        final List<Concat> concat = new ArrayList<>(); // index = level
        final List<ResBlock> up = new ArrayList<>();    // index = level
        final List<UpsampleConv> upConv = new ArrayList<>(); // index = level (null at 0)
        final GroupNormAct outNorm;
        final Conv outConv;

        Plan(long n) {
            this.n = n;
            var dt = p("in_conv_w").dataType();
            int side = spec.side();
            int tw = spec.timeWidth();
            List<Integer> w = spec.widths();
            int levels = w.size();
            x = Nd4j.create(dt, n, side, side, channels);
            temb = Nd4j.create(dt, n, tw);
            cond = conditional ? Nd4j.create(dt, n, p("cond_embed").size(0)) : null;
            outNchw = Nd4j.create(dt, n, channels, side, side);
            gOutNchw = Nd4j.create(dt, n, channels, side, side);
            gOut = Nd4j.create(dt, n, side, side, channels);
            gFc1 = Nd4j.create(dt, n, tw);
            gEmb = Nd4j.create(dt, n, tw);
            gEmbAct = Nd4j.create(dt, n, tw);
            fc1 = dense("temb_fc1", temb, gFc1, true);
            act1 = Nd4j.create(dt, n, tw);
            fc2 = new Dense(act1, p("temb_fc2_w"), p("temb_fc2_b"), grads.get("temb_fc2_w"), grads.get("temb_fc2_b"), gEmb);
            condEmbed = conditional ? dense("cond_embed", cond, gEmb, false) : null;
            emb = Nd4j.create(dt, n, tw);
            embAct = Nd4j.create(dt, n, tw);
            inConv = conv("in_conv", 1, n, side);
            int cur = w.get(0);
            int[] skipWidth = new int[levels];
            for (int l = 0; l < levels; l++) {
                down.add(new ResBlock("down" + l + "_res", cur, w.get(l), side));
                cur = w.get(l);
                skipWidth[l] = cur;
                if (l < levels - 1) {
                    downConv.add(conv("down" + l + "_conv", 2, n, side));
                    side /= 2;
                }
            }
            mid1 = new ResBlock("mid_res1", cur, cur, side);
            attn = spec.attention() ? new Attention("mid_attn", cur, side) : null;
            mid2 = new ResBlock("mid_res2", cur, cur, side);
            for (int l = 0; l < levels; l++) {
                concat.add(null);
                up.add(null);
                upConv.add(null);
            }
            for (int l = levels - 1; l >= 0; l--) {
                concat.set(l, new Concat(cur, skipWidth[l], side));
                up.set(l, new ResBlock("up" + l + "_res", cur + skipWidth[l], w.get(l), side));
                cur = w.get(l);
                if (l > 0) {
                    String name = "up" + l + "_conv";
                    upConv.set(l, new UpsampleConv(p(name + "_w"), p(name + "_b"), grads.get(name + "_w"),
                            grads.get(name + "_b"), n, side));
                    side *= 2;
                }
            }
            outNorm = norm("out_norm", true, n, cur, side);
            outConv = conv("out_conv", 1, n, side);
        }

        INDArray forward(INDArray xIn, INDArray tembIn, INDArray condIn) {
            x.assign(xIn.permute(0, 2, 3, 1));
            temb.assign(tembIn);
            if (conditional) {
                cond.assign(condIn);
            }
            Kernels.silu(fc1.forward(), act1);
            emb.assign(fc2.forward());
            if (conditional) {
                emb.addi(condEmbed.forward());
            }
            Kernels.silu(emb, embAct);
            INDArray h = inConv.forward(x);
            int levels = spec.levels();
            List<INDArray> skips = new ArrayList<>();
            for (int l = 0; l < levels; l++) {
                h = down.get(l).forward(h);
                skips.add(h);
                if (l < levels - 1) {
                    h = downConv.get(l).forward(h);
                }
            }
            h = mid1.forward(h);
            if (attn != null) {
                h = attn.forward(h);
            }
            h = mid2.forward(h);
            concat.get(levels - 1).first(h);
            for (int l = levels - 1; l >= 0; l--) {
                h = up.get(l).forward(concat.get(l).forward(skips.get(l)));
                if (l > 0) {
                    // straight into the next level's concatenation buffer, not copied there afterwards
                    upConv.get(l).forwardInto(h, concat.get(l - 1).out, 0);
                }
            }
            return outNchw.assign(outConv.forward(outNorm.forward(h, null)).permute(0, 3, 1, 2));
        }

        void backward() {
            int levels = spec.levels();
            INDArray g = outNorm.backward(outConv.backward(gOut));
            for (int l = 0; l < levels; l++) {
                if (l > 0) {
                    g = upConv.get(l).backward(g);
                }
                g = concat.get(l).backward(up.get(l).backward(g));
            }
            g = mid2.backward(g);
            if (attn != null) {
                g = attn.backward(g);
            }
            g = mid1.backward(g);
            for (int l = levels - 1; l >= 0; l--) {
                if (l < levels - 1) {
                    g = downConv.get(l).backward(g);
                }
                g.addi(concat.get(l).gSkip);
                g = down.get(l).backward(g);
            }
            inConv.backward(g);
            // the time features' gradient, summed over every residual block that reads them
            gEmbAct.assign(0);
            for (ResBlock b : allBlocks()) {
                gEmbAct.addi(b.gEmbAct);
            }
            Kernels.siluBackward(emb, gEmbAct, gEmb);
            if (conditional) {
                condEmbed.backward();
            }
            Kernels.siluBackward(fc1.output(), fc2.backward(), gFc1);
            fc1.backward();
        }

        private List<ResBlock> allBlocks() {
            List<ResBlock> all = new ArrayList<>(down);
            all.add(mid1);
            all.add(mid2);
            all.addAll(up);
            return all;
        }

        /** GN ─ SiLU ─ conv3×3 ─ (+ Linear(embAct)) ─ GN ─ SiLU ─ conv3×3, plus the (1×1-projected) input. */
        private final class ResBlock {
            final GroupNormAct norm1;
            final Conv conv1;
            final Dense temb;
            final GroupNormAct norm2;
            final Conv conv2;
            final Conv skip;
            INDArray gEmbAct;

            ResBlock(String name, int in, int out, int side) {
                norm1 = norm(name + "_norm1", true, n, in, side);
                conv1 = conv(name + "_conv1", 1, n, side);
                norm2 = norm(name + "_norm2", true, n, out, side);
                conv2 = conv(name + "_conv2", 1, n, side);
                skip = in == out ? null : conv(name + "_skip", 1, n, side);
                temb = dense(name + "_temb", embAct, norm2.addGradient(), true);
            }

            INDArray forward(INDArray x) {
                INDArray h = conv1.forward(norm1.forward(x, null));
                h = conv2.forward(norm2.forward(h, temb.forward()));
                // conv2's output is not needed by its backward pass, so the residual sum goes into it
                return h.addi(skip == null ? x : skip.forward(x));
            }

            INDArray backward(INDArray gOut) {
                INDArray gh = norm2.backward(conv2.backward(gOut));
                gEmbAct = temb.backward();
                INDArray gx = norm1.backward(conv1.backward(gh));
                return gx.addi(skip == null ? gOut : skip.backward(gOut));
            }
        }

        /** Channels-last concatenation [h, skip] along channels, and its gradient's split. */
        private final class Concat {
            final INDArray out;
            final INDArray gFirst;
            final INDArray gSkip;
            final int c1;
            final int c2;

            Concat(int c1, int c2, int side) {
                var dt = x.dataType();
                this.c1 = c1;
                this.c2 = c2;
                out = Nd4j.create(dt, n, side, side, c1 + c2);
                gFirst = Nd4j.create(dt, n, side, side, c1);
                gSkip = Nd4j.create(dt, n, side, side, c2);
            }

            /** Copies h into the first c1 channels (below the middle, the up path's convolution writes them itself). */
            void first(INDArray h) {
                long clock = LayerClock.start();
                ChannelRuns.copy(out, 0, h, 0, c1);
                LayerClock.stop("concatenation forward", clock);
            }

            /** Copies the skip into the last c2 channels and returns the concatenation. */
            INDArray forward(INDArray skip) {
                long clock = LayerClock.start();
                ChannelRuns.copy(out, c1, skip, 0, c2);
                LayerClock.stop("concatenation forward", clock);
                return out;
            }

            /** Splits the gradient of the concatenation; returns the first part's, keeps the skip's in gSkip. */
            INDArray backward(INDArray g) {
                long clock = LayerClock.start();
                ChannelRuns.copy(gFirst, 0, g, 0, c1);
                ChannelRuns.copy(gSkip, 0, g, c1, c2);
                LayerClock.stop("concatenation backward", clock);
                return gFirst;
            }
        }

        /** GroupNorm ─ q, k, v 1×1 convs ─ single-head attention ─ 1×1 conv, plus the input. */
        private final class Attention {
            final GroupNormAct norm;
            final Conv q;
            final Conv k;
            final Conv v;
            final Conv out;
            final SelfAttention core;
            // (N, side, side, c) views of the core's (N, side², c) arrays: the same memory in the convs' layout
            final INDArray mixed;
            final INDArray gMixed;
            final INDArray gq;
            final INDArray gk;
            final INDArray gv;

            Attention(String name, int c, int side) {
                norm = norm(name + "_norm", false, n, c, side);
                q = conv(name + "_q", 1, n, side);
                k = conv(name + "_k", 1, n, side);
                v = conv(name + "_v", 1, n, side);
                out = conv(name + "_out", 1, n, side);
                long positions = (long) side * side;
                INDArray gMixedFlat = Nd4j.create(x.dataType(), n, positions, c);
                core = new SelfAttention(q.output().reshape(n, positions, c), k.output().reshape(n, positions, c),
                        v.output().reshape(n, positions, c), gMixedFlat);
                mixed = core.output().reshape(n, side, side, c);
                gMixed = gMixedFlat.reshape(n, side, side, c);
                gq = core.gradQ().reshape(n, side, side, c);
                gk = core.gradK().reshape(n, side, side, c);
                gv = core.gradV().reshape(n, side, side, c);
            }

            INDArray forward(INDArray xIn) {
                INDArray h = norm.forward(xIn, null);
                q.forward(h);
                k.forward(h);
                v.forward(h);
                core.forward();
                return out.forward(mixed).addi(xIn);
            }

            INDArray backward(INDArray g) {
                gMixed.assign(out.backward(g));
                core.backward();
                INDArray gh = q.backward(gq).addi(k.backward(gk)).addi(v.backward(gv));
                return norm.backward(gh).addi(g);
            }
        }
    }
}
