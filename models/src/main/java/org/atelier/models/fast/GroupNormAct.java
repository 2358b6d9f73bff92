package org.atelier.models.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Group normalisation (Wu and He 2018; biased variance, ε = 1e-5 on σ², per-channel γ and β, as
 * {@code diffusion.GroupNorm} composes it in SameDiff), optionally preceded by a per-(sample,
 * channel) addition (the UNet's time features, broadcast over H×W) and followed by SiLU, for one
 * batch size. Hand-written loops because ND4J M2.1 has no GroupNorm op, and composed from its ops
 * the norm costs ~15 passes over memory and fresh arrays each (benchmarks/README.md): here the
 * forward pass reads a group three times while it sits in cache and writes once, then SiLU runs as
 * ND4J's native (vectorised) sigmoid and an in-place product over the whole array; the backward
 * pass reads a group three times and writes once. Work is split over (sample, group), and
 * statistics are summed in float64. The backward pass gets the input (kept by reference) and σ of
 * the SiLU's argument (kept from the forward pass: one exp per element, not two) and recomputes
 * x̂ and the argument, which is cheaper than storing them.
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
    private INDArray input;

    /**
     * @param gamma (…C…) scale, @param beta shift; @param gGamma, gBeta where their gradients go
     * @param side H = W; @param silu whether SiLU follows the norm
     */
    public GroupNormAct(INDArray gamma, INDArray beta, INDArray gGamma, INDArray gBeta, int groups, boolean silu,
                        int n, int channels, int side) {
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
        this.silu = silu;
        this.out = Nd4j.create(gamma.dataType(), n, channels, side, side);
        this.gAdd = Nd4j.create(gamma.dataType(), n, channels);
        this.sigmoid = silu ? out.like() : null;
        this.mean = new double[n * groups];
        this.rstd = new double[n * groups];
        this.partGamma = new double[n * channels];
        this.partBeta = new double[n * channels];
    }

    /**
     * y = act(γ·x̂ + β), x̂ the group-normalised x (+ add); {@code add} (N, C) or null is added to x
     * in place first. Returns this layer's output array, shaped (N, C, H, W).
     */
    public INDArray forward(INDArray x, INDArray add) {
        long clock = LayerClock.start();
        try {
            input = x;
            Flat xs = Flat.of(x);
            Flat as = add == null ? null : Flat.of(add);
            Flat ys = Flat.of(out);
            double[] g = params(gamma);
            double[] bt = params(beta);
            int cpg = channels / groups;
            int len = cpg * plane;
            Parallel.range(n * groups, ng -> {
                int s = ng / groups;
                int c0 = (ng % groups) * cpg;
                int base = (s * channels + c0) * plane;
                double sum = 0;
                for (int c = 0; c < cpg; c++) {
                    double a = as == null ? 0 : as.get(s * channels + c0 + c);
                    int o = base + c * plane;
                    for (int i = o; i < o + plane; i++) {
                        double v = xs.get(i) + a;
                        if (as != null) {
                            xs.set(i, v);
                        }
                        sum += v;
                    }
                }
                double m = sum / len;
                double sq = 0;
                for (int i = base; i < base + len; i++) {
                    double d = xs.get(i) - m;
                    sq += d * d;
                }
                double r = 1.0 / Math.sqrt(sq / len + EPS);
                mean[ng] = m;
                rstd[ng] = r;
                for (int c = 0; c < cpg; c++) {
                    double sc = g[c0 + c] * r;
                    double sh = bt[c0 + c] - m * sc;
                    int o = base + c * plane;
                    for (int i = o; i < o + plane; i++) {
                        ys.set(i, xs.get(i) * sc + sh);
                    }
                }
            });
            if (silu) {
                // SiLU as two native passes: libnd4j's sigmoid is vectorised, and Java's scalar Math.exp
                // per element took half of this layer's forward time (bench --profile, issue 20).
                Nd4j.exec(new Sigmoid(out, sigmoid));
                out.muli(sigmoid);
            }
            return out;
        } finally {
            LayerClock.stop("GroupNorm(+SiLU) forward", clock);
        }
    }

    /**
     * Writes γ's and β's gradients and returns x's, shaped (N, C, H, W); the gradient of the
     * forward pass's {@code add} is then in {@link #addGradient()}.
     */
    public INDArray backward(INDArray gradOut) {
        long clock = LayerClock.start();
        try {
            if (gIn == null) { // only when a gradient is taken: sampling never needs it
                gIn = out.like();
            }
            Flat xs = Flat.of(input);
            Flat gy = Flat.of(gradOut);
            Flat gx = Flat.of(gIn);
            Flat ga = Flat.of(gAdd);
            Flat sg = silu ? Flat.of(sigmoid) : null;
            double[] g = params(gamma);
            double[] bt = params(beta);
            int cpg = channels / groups;
            int len = cpg * plane;
            Parallel.range(n * groups, ng -> {
                int s = ng / groups;
                int c0 = (ng % groups) * cpg;
                int base = (s * channels + c0) * plane;
                double m = mean[ng];
                double r = rstd[ng];
                double sumD = 0;
                double sumDx = 0;
                for (int c = 0; c < cpg; c++) {
                    double gc = g[c0 + c];
                    double bc = bt[c0 + c];
                    double pg = 0;
                    double pb = 0;
                    int o = base + c * plane;
                    for (int i = o; i < o + plane; i++) {
                        double xh = (xs.get(i) - m) * r;
                        double dz = gy.get(i);
                        if (silu) {
                            double z = xh * gc + bc;
                            double sig = sg.get(i);
                            dz *= sig * (1 + z * (1 - sig));
                        }
                        pg += dz * xh;
                        pb += dz;
                        double dxh = dz * gc;
                        gx.set(i, dxh);
                        sumD += dxh;
                        sumDx += dxh * xh;
                    }
                    partGamma[s * channels + c0 + c] = pg;
                    partBeta[s * channels + c0 + c] = pb;
                }
                double meanD = sumD / len;
                double meanDx = sumDx / len;
                for (int c = 0; c < cpg; c++) {
                    int o = base + c * plane;
                    double pa = 0;
                    for (int i = o; i < o + plane; i++) {
                        double xh = (xs.get(i) - m) * r;
                        double d = r * (gx.get(i) - meanD - xh * meanDx);
                        gx.set(i, d);
                        pa += d;
                    }
                    ga.set(s * channels + c0 + c, pa);
                }
            });
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

    /** (N, C): the gradient of the forward pass's per-channel addition, filled by {@link #backward}. */
    public INDArray addGradient() {
        return gAdd;
    }

    public INDArray output() {
        return out;
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
