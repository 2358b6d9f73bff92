package org.atelier.models.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The element-wise pieces of the fast path that ND4J would run as separate ops with fresh outputs:
 * SiLU and its gradient, nearest ×2 upsampling and its gradient, the mean squared error and its
 * gradient. Written by hand so that each is one pass into a preallocated array.
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

    /** Nearest-neighbour ×2: x (N, C, S, S) → y (N, C, 2S, 2S). */
    public static void upsample2x(INDArray x, INDArray y) {
        long clock = LayerClock.start();
        try {
            Flat xs = Flat.of(x);
            Flat ys = Flat.of(y);
            int side = (int) x.size(2);
            int planes = (int) (x.size(0) * x.size(1));
            Parallel.range(planes, p -> {
                int in = p * side * side;
                int out = p * 4 * side * side;
                int w = 2 * side;
                for (int i = 0; i < side; i++) {
                    for (int j = 0; j < side; j++) {
                        double v = xs.get(in + i * side + j);
                        int o = out + 2 * i * w + 2 * j;
                        ys.set(o, v);
                        ys.set(o + 1, v);
                        ys.set(o + w, v);
                        ys.set(o + w + 1, v);
                    }
                }
            });
        } finally {
            LayerClock.stop("resampling forward", clock);
        }
    }

    /** The gradient of {@link #upsample2x}: each input pixel gets the sum of its four copies' gradients. */
    public static void upsample2xBackward(INDArray gy, INDArray gx) {
        long clock = LayerClock.start();
        try {
            Flat g = Flat.of(gy);
            Flat out = Flat.of(gx);
            int side = (int) gx.size(2);
            int planes = (int) (gx.size(0) * gx.size(1));
            Parallel.range(planes, p -> {
                int base = p * side * side;
                int src = p * 4 * side * side;
                int w = 2 * side;
                for (int i = 0; i < side; i++) {
                    for (int j = 0; j < side; j++) {
                        int o = src + 2 * i * w + 2 * j;
                        out.set(base + i * side + j, g.get(o) + g.get(o + 1) + g.get(o + w) + g.get(o + w + 1));
                    }
                }
            });
        } finally {
            LayerClock.stop("resampling backward", clock);
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
}
