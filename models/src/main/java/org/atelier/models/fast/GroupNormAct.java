package org.atelier.models.fast;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Group normalisation (Wu and He 2018; biased variance, ε = 1e-5 on σ², per-channel γ and β, as
 * {@code diffusion.GroupNorm} composes it in SameDiff), optionally preceded by a per-(sample,
 * channel) addition (the UNet's time features, broadcast over H×W) and followed by SiLU, for one
 * batch size. Hand-written loops because ND4J M2.1 has no GroupNorm op, and composed from its ops
 * the norm costs ~15 passes over memory and fresh arrays each (benchmarks/README.md). Arrays are
 * channels-last (N, H, W, C), the layout of {@link Conv}; work is split over samples, each sample's
 * passes running while its values sit in cache. Two implementations of the same passes: on
 * float32 with the JDK's Vector API where it is available and C is a multiple of its lane count
 * ({@link VectorGroupNorm}: the sample copied into a Java array, σ by the vectorised exp), else
 * scalar loops through {@link Flat} (float64, which the oracle test uses, and tiny nets), with SiLU
 * then as ND4J's native sigmoid. Group statistics are combined in float64. The backward pass gets
 * the input (kept by reference) and σ of the SiLU's argument (kept from the forward pass: one exp
 * per element, not two) and recomputes x̂ and the argument, which is cheaper than storing them.
 */
public final class GroupNormAct {
    static final double EPS = 1e-5;

    private final INDArray gamma;
    private final INDArray beta;
    private final INDArray gGamma;
    private final INDArray gBeta;
    private final int n;
    private final int channels;
    private final int groups;
    private final int plane;
    private final boolean silu;
    /** Channels per group, values per group and sample (cpg·H·W), values per sample (C·H·W). */
    private final int cpg;
    private final double groupLen;
    private final int len;
    private final INDArray out;
    /** σ(z) of the SiLU's argument z, kept from the forward pass so the backward pass needs no exp. */
    private final INDArray sigmoid;
    private INDArray gIn;
    private final INDArray gAdd;
    private final double[] mean;
    private final double[] rstd;
    /** Per-(sample, channel) partial sums of γ's and β's gradients, reduced over samples in order. */
    private final double[] partGamma;
    private final double[] partBeta;
    /** Per-(sample, channel) sums of the input (after the addition), from the forward pass, for the backward's closed forms. */
    private final double[] channelSum;
    private INDArray input;
    private final boolean vectorised;

    /**
     * @param gamma (…C…) scale, @param beta shift; @param gGamma, gBeta where their gradients go
     * @param side H = W; @param silu whether SiLU follows the norm
     */
    public GroupNormAct(INDArray gamma, INDArray beta, INDArray gGamma, INDArray gBeta, int groups, boolean silu,
                        int n, int channels, int side) {
        this(gamma, beta, gGamma, gBeta, groups, silu, n, channels, side, true);
    }

    /** @param allowVector false: the scalar loops even where the vectorised ones apply (their test compares the two) */
    GroupNormAct(INDArray gamma, INDArray beta, INDArray gGamma, INDArray gBeta, int groups, boolean silu,
                 int n, int channels, int side, boolean allowVector) {
        if (channels % groups != 0) {
            throw new IllegalArgumentException(groups + " groups do not divide " + channels + " channels");
        }
        this.gamma = gamma;
        this.beta = beta;
        this.gGamma = gGamma;
        this.gBeta = gBeta;
        this.n = n;
        this.channels = channels;
        this.groups = groups;
        this.plane = side * side;
        this.cpg = channels / groups;
        this.groupLen = (double) cpg * plane;
        this.len = plane * channels;
        this.silu = silu;
        this.out = Nd4j.create(gamma.dataType(), n, side, side, channels);
        this.gAdd = Nd4j.create(gamma.dataType(), n, channels);
        this.sigmoid = silu ? out.like() : null;
        this.mean = new double[n * groups];
        this.rstd = new double[n * groups];
        this.partGamma = new double[n * channels];
        this.partBeta = new double[n * channels];
        this.channelSum = new double[n * channels];
        this.vectorised = allowVector && gamma.dataType() == DataType.FLOAT && VectorLanes.AVAILABLE
                && channels % VectorGroupNorm.lanes() == 0;
    }

    /**
     * y = act(γ·x̂ + β), x̂ the group-normalised x (+ add); {@code add} (N, C) or null is added to x
     * in place first. x is channels-last (N, H, W, C); returns this layer's output array, shaped so.
     */
    public INDArray forward(INDArray x, INDArray add) {
        long clock = LayerClock.start();
        try {
            input = x;
            if (vectorised) {
                forwardVector(x, add);
            } else {
                forwardScalar(x, add);
            }
            return out;
        } finally {
            LayerClock.stop("GroupNorm(+SiLU) forward", clock);
        }
    }

    /**
     * Writes γ's and β's gradients and returns x's, channels-last (N, H, W, C); the gradient of the
     * forward pass's {@code add} is then in {@link #addGradient()}.
     */
    public INDArray backward(INDArray gradOut) {
        long clock = LayerClock.start();
        try {
            if (gIn == null) { // only when a gradient is taken: sampling never needs it
                gIn = out.like();
            }
            // Two passes per sample. The first reads x, the output's gradient and σ, writes dz (the
            // gradient before the SiLU) where x's gradient goes and sums β's and γ's gradients per
            // channel, from which every other sum follows in closed form (closedForms); the second
            // reads x and dz and writes x's gradient over dz, with no accumulator in its loop.
            if (vectorised) {
                backwardVector(gradOut);
            } else {
                backwardScalar(gradOut);
            }
            Flat gg = Flat.of(gGamma);
            Flat gb = Flat.of(gBeta);
            for (int c = 0; c < channels; c++) {
                double sumGamma = 0;
                double sumBeta = 0;
                for (int s = 0; s < n; s++) {
                    sumGamma += partGamma[s * channels + c];
                    sumBeta += partBeta[s * channels + c];
                }
                gg.set(c, sumGamma);
                gb.set(c, sumBeta);
            }
            return gIn;
        } finally {
            LayerClock.stop("GroupNorm(+SiLU) backward", clock);
        }
    }

    /** The scalar forward pass: x and x² summed per channel in one pass, then γ·x̂ + β written; SiLU natively. */
    private void forwardScalar(INDArray x, INDArray add) {
        Flat xs = Flat.of(x);
        Flat as = add == null ? null : Flat.of(add);
        Flat ys = Flat.of(out);
        double[] g = params(gamma);
        double[] bt = params(beta);
        Parallel.range(n, s -> {
            int base = s * len;
            double[] a = new double[channels];
            if (as != null) {
                for (int c = 0; c < channels; c++) {
                    a[c] = as.get(s * channels + c);
                }
            }
            double[] sum = new double[channels];
            double[] sumSq = new double[channels];
            for (int i = base; i < base + len; i += channels) {
                for (int c = 0; c < channels; c++) {
                    double v = xs.get(i + c);
                    if (as != null) {
                        v += a[c];
                        xs.set(i + c, v);
                    }
                    sum[c] += v;
                    sumSq[c] += v * v;
                }
            }
            System.arraycopy(sum, 0, channelSum, s * channels, channels);
            // float64 sums, so E[x²] − E[x]² loses nothing that matters at float32 inputs
            double[] m = groupSums(sum, cpg, 1 / groupLen);
            double[] var = groupSums(sumSq, cpg, 1 / groupLen);
            for (int k = 0; k < groups; k++) {
                var[k] = Math.max(0, var[k] - m[k] * m[k]);
            }
            double[] scale = new double[channels];
            double[] shift = new double[channels];
            statistics(s, m, var, g, bt, scale, shift);
            for (int i = base; i < base + len; i += channels) {
                for (int c = 0; c < channels; c++) {
                    ys.set(i + c, xs.get(i + c) * scale[c] + shift[c]);
                }
            }
        });
        if (silu) {
            // SiLU as two native passes: libnd4j's sigmoid (scalar, but native and on ND4J's threads)
            // and an in-place product; a Java loop over Math.exp was slower (bench --profile, issue 20).
            Nd4j.exec(new Sigmoid(out, sigmoid));
            out.muli(sigmoid);
        }
    }

    /** The vectorised forward pass: per sample, the mean, then the squared deviations, then γ·x̂ + β and SiLU. */
    private void forwardVector(INDArray x, INDArray add) {
        FloatBuffer xb = floats(x);
        FloatBuffer ab = add == null ? null : floats(add);
        FloatBuffer yb = floats(out);
        FloatBuffer sb = silu ? floats(sigmoid) : null;
        double[] g = params(gamma);
        double[] bt = params(beta);
        Parallel.range(n, s -> {
            int base = s * len;
            float[] v = Blocks.floats(0, len);
            xb.get(base, v, 0, len);
            if (ab != null) {
                float[] a = new float[channels];
                ab.get(s * channels, a, 0, channels);
                VectorGroupNorm.addPerChannel(v, plane, channels, a);
                xb.put(base, v, 0, len);
            }
            float[] acc = new float[channels];
            VectorGroupNorm.channelSums(v, plane, channels, acc);
            double[] sum = widen(acc);
            System.arraycopy(sum, 0, channelSum, s * channels, channels);
            double[] m = groupSums(sum, cpg, 1 / groupLen);
            VectorGroupNorm.squaredDeviations(v, plane, channels, narrow(perChannel(m, cpg)), acc);
            double[] var = groupSums(widen(acc), cpg, 1 / groupLen);
            double[] scale = new double[channels];
            double[] shift = new double[channels];
            statistics(s, m, var, g, bt, scale, shift);
            float[] sig = silu ? Blocks.floats(1, len) : null;
            VectorGroupNorm.normalise(v, plane, channels, narrow(scale), narrow(shift), silu, sig);
            yb.put(base, v, 0, len);
            if (silu) {
                sb.put(base, sig, 0, len);
            }
        });
    }

    private void backwardScalar(INDArray gradOut) {
        Flat xs = Flat.of(input);
        Flat gy = Flat.of(gradOut);
        Flat gx = Flat.of(gIn);
        Flat ga = Flat.of(gAdd);
        Flat sg = silu ? Flat.of(sigmoid) : null;
        double[] g = params(gamma);
        double[] bt = params(beta);
        Parallel.range(n, s -> {
            int base = s * len;
            double[] m = perChannel(slice(mean, s), cpg);
            double[] r = perChannel(slice(rstd, s), cpg);
            double[] pg = new double[channels];
            double[] pb = new double[channels];
            for (int i = base; i < base + len; i += channels) {
                for (int c = 0; c < channels; c++) {
                    double xh = (xs.get(i + c) - m[c]) * r[c];
                    double dz = gy.get(i + c);
                    if (silu) {
                        double sig = sg.get(i + c);
                        dz *= sig * (1 + (xh * g[c] + bt[c]) * (1 - sig));
                    }
                    gx.set(i + c, dz);
                    pg[c] += dz * xh;
                    pb[c] += dz;
                }
            }
            double[][] means = closedForms(s, pg, pb, m, r, g, ga);
            double[] meanD = means[0];
            double[] meanDx = means[1];
            for (int i = base; i < base + len; i += channels) {
                for (int c = 0; c < channels; c++) {
                    double xh = (xs.get(i + c) - m[c]) * r[c];
                    gx.set(i + c, r[c] * (gx.get(i + c) * g[c] - meanD[c] - xh * meanDx[c]));
                }
            }
        });
    }

    private void backwardVector(INDArray gradOut) {
        FloatBuffer xb = floats(input);
        FloatBuffer gyb = floats(gradOut);
        FloatBuffer gxb = floats(gIn);
        FloatBuffer sb = silu ? floats(sigmoid) : null;
        Flat ga = Flat.of(gAdd);
        double[] g = params(gamma);
        float[] gF = narrow(g);
        float[] bF = narrow(params(beta));
        Parallel.range(n, s -> {
            int base = s * len;
            float[] xv = Blocks.floats(0, len);
            float[] gv = Blocks.floats(1, len);
            float[] sv = silu ? Blocks.floats(2, len) : null;
            xb.get(base, xv, 0, len);
            gyb.get(base, gv, 0, len);
            if (silu) {
                sb.get(base, sv, 0, len);
            }
            double[] m = perChannel(slice(mean, s), cpg);
            double[] r = perChannel(slice(rstd, s), cpg);
            float[] mF = narrow(m);
            float[] rF = narrow(r);
            float[] pg = new float[channels];
            float[] pb = new float[channels];
            VectorGroupNorm.gradientSums(xv, gv, sv, plane, channels, mF, rF, gF, bF, pg, pb);
            double[][] means = closedForms(s, widen(pg), widen(pb), m, r, g, ga);
            VectorGroupNorm.inputGradient(xv, gv, plane, channels, mF, rF, gF, narrow(means[0]), narrow(means[1]));
            gxb.put(base, gv, 0, len);
        });
    }

    /**
     * Stores sample s's group means and 1/σ and fills the per-channel scale γ/σ and shift β − μγ/σ
     * that give γ·x̂ + β = x·scale + shift. m and var are per group (biased variance).
     */
    private void statistics(int s, double[] m, double[] var, double[] g, double[] bt, double[] scale, double[] shift) {
        for (int k = 0; k < groups; k++) {
            double r = 1.0 / Math.sqrt(var[k] + EPS);
            mean[s * groups + k] = m[k];
            rstd[s * groups + k] = r;
            for (int c = k * cpg; c < (k + 1) * cpg; c++) {
                scale[c] = g[c] * r;
                shift[c] = bt[c] - m[k] * scale[c];
            }
        }
    }

    /**
     * From sample s's per-channel sums pg = Σ dz·x̂ and pb = Σ dz (dz: the gradient before the SiLU)
     * and the per-channel mean m and 1/σ r: stores the parameters' partial gradients and the added
     * features' gradient (Σ over the plane of x's gradient), and returns per channel the group
     * means of dx̂ and dx̂·x̂ that x's gradient needs. Closed forms, with dx̂ = γ·dz: Σ dx̂ = γ·Σ dz,
     * Σ dx̂·x̂ = γ·Σ dz·x̂, and Σ x̂ from the forward pass's channel sums.
     */
    private double[][] closedForms(int s, double[] pg, double[] pb, double[] m, double[] r, double[] g, Flat ga) {
        double[] sumD = new double[groups];
        double[] sumDx = new double[groups];
        for (int c = 0; c < channels; c++) {
            sumD[c / cpg] += g[c] * pb[c];
            sumDx[c / cpg] += g[c] * pg[c];
        }
        double[] meanD = perChannel(scaled(sumD, 1 / groupLen), cpg);
        double[] meanDx = perChannel(scaled(sumDx, 1 / groupLen), cpg);
        for (int c = 0; c < channels; c++) {
            double sumXh = (channelSum[s * channels + c] - plane * m[c]) * r[c];
            ga.set(s * channels + c, r[c] * (g[c] * pb[c] - plane * meanD[c] - meanDx[c] * sumXh));
            partGamma[s * channels + c] = pg[c];
            partBeta[s * channels + c] = pb[c];
        }
        return new double[][] {meanD, meanDx};
    }

    /** (N, C): the gradient of the forward pass's per-channel addition, filled by {@link #backward}. */
    public INDArray addGradient() {
        return gAdd;
    }

    public INDArray output() {
        return out;
    }

    /** Sums of consecutive runs of {@code cpg} per-channel values, times {@code factor}: one per group. */
    private static double[] groupSums(double[] perChannel, int cpg, double factor) {
        double[] sums = new double[perChannel.length / cpg];
        for (int c = 0; c < perChannel.length; c++) {
            sums[c / cpg] += perChannel[c];
        }
        return scaled(sums, factor);
    }

    private static double[] scaled(double[] v, double factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return v;
    }

    /** Each group's value repeated for each of the group's {@code cpg} channels. */
    private static double[] perChannel(double[] perGroup, int cpg) {
        double[] v = new double[perGroup.length * cpg];
        for (int c = 0; c < v.length; c++) {
            v[c] = perGroup[c / cpg];
        }
        return v;
    }

    /** Sample s's per-group values of {@code perSampleGroup} (mean or rstd). */
    private double[] slice(double[] perSampleGroup, int s) {
        double[] v = new double[groups];
        System.arraycopy(perSampleGroup, s * groups, v, 0, groups);
        return v;
    }

    private static float[] narrow(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double[] widen(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** The float buffer of a dense c-ordered float32 array (checked by {@link Flat}). */
    private static FloatBuffer floats(INDArray a) {
        Flat.of(a);
        return a.data().asNioFloat();
    }

    private static double[] params(INDArray a) {
        Flat f = Flat.of(a);
        double[] v = new double[f.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.get(i);
        }
        return v;
    }
}
