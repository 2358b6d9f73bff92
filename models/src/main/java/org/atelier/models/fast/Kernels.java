package org.atelier.models.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The element-wise pieces of the fast path that ND4J would run as separate ops with fresh outputs:
 * SiLU and its gradient, the mean squared error and the binary cross-entropy with their gradients,
 * leaky ReLU and tanh's gradient. Written by hand so that each is one pass into a preallocated array.
 */
public final class Kernels {
    private Kernels() {
    }

    /** y = x·σ(x) (SiLU / swish). */
    public static void silu(INDArray x, INDArray y) {
        Flat xs = Flat.of(x);
        Flat ys = Flat.of(y);
        for (int i = 0; i < xs.length(); i++) {
            double v = xs.get(i);
            ys.set(i, v / (1 + Math.exp(-v)));
        }
    }

    /** gx = gy·SiLU'(x) = gy·σ(x)·(1 + x·(1 − σ(x))). */
    public static void siluBackward(INDArray x, INDArray gy, INDArray gx) {
        Flat xs = Flat.of(x);
        Flat g = Flat.of(gy);
        Flat out = Flat.of(gx);
        for (int i = 0; i < xs.length(); i++) {
            double v = xs.get(i);
            double s = 1 / (1 + Math.exp(-v));
            out.set(i, g.get(i) * s * (1 + v * (1 - s)));
        }
    }

    /** mean((out − target)²); writes its gradient 2·(out − target)/M into {@code grad}. */
    public static double mseWithGradient(INDArray out, INDArray target, INDArray grad) {
        Flat o = Flat.of(out);
        Flat t = Flat.of(target);
        Flat g = Flat.of(grad);
        int m = o.length();
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double d = o.get(i) - t.get(i);
            sum += d * d;
            g.set(i, 2 * d / m);
        }
        return sum / m;
    }

    /**
     * The binary cross-entropy of logits against one label for the whole batch, mean over the batch
     * (softplus(−l) for real, softplus(l) for fake, as {@code Losses.bceWithLogits}); writes its
     * gradient (σ(l) − label)/M into {@code grad}.
     */
    public static double bceWithLogits(INDArray logits, boolean real, INDArray grad) {
        Flat l = Flat.of(logits);
        Flat g = Flat.of(grad);
        int m = l.length();
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double v = real ? -l.get(i) : l.get(i);
            // softplus(v) = max(v, 0) + log1p(exp(−|v|)): no overflow for large |v|
            sum += Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
            double sigmoid = 1 / (1 + Math.exp(-l.get(i)));
            g.set(i, (sigmoid - (real ? 1 : 0)) / m);
        }
        return sum / m;
    }

    /** y = x for x > 0, else slope·x, in place. */
    public static void leakyReluInPlace(INDArray y, double slope) {
        long clock = LayerClock.start();
        LeakyRelu.applyInPlace(y, slope);
        LayerClock.stop("LeakyReLU forward", clock);
    }

    /** The gradient of {@link #leakyReluInPlace}, from its output y (whose sign is the input's), in place in g. */
    public static void leakyReluBackwardInPlace(INDArray y, INDArray g, double slope) {
        long clock = LayerClock.start();
        LeakyRelu.gradientInPlace(y, g, slope);
        LayerClock.stop("LeakyReLU backward", clock);
    }

    /** The gradient of tanh from its output y: into = g·(1 − y²). */
    public static void tanhBackward(INDArray y, INDArray g, INDArray into) {
        Flat ys = Flat.of(y);
        Flat gs = Flat.of(g);
        Flat out = Flat.of(into);
        for (int i = 0; i < ys.length(); i++) {
            double v = ys.get(i);
            out.set(i, gs.get(i) * (1 - v * v));
        }
    }
}
