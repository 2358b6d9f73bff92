package org.atelier.models.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * y = x·W (+ b), x (N, in), W (in, out), b (1, out) — {@code Layers.linear} — for one batch size
 * and one input array, forward and backward on arrays allocated once.
 */
public final class Dense {
    private final INDArray b;
    private final INDArray gb;
    private final INDArray out;
    private final INDArray gIn;
    private final MatMul forward;
    private final MatMul gradW;
    private final MatMul gradX;
    private final INDArray gradOut;

    /**
     * @param x the input array every forward call reads (fixed, so the ops are built once)
     * @param gradOut the array every backward call reads the output's gradient from
     * @param b bias or null
     */
    public Dense(INDArray x, INDArray w, INDArray b, INDArray gw, INDArray gb, INDArray gradOut) {
        this.b = b;
        this.gb = gb;
        this.gradOut = gradOut;
        this.out = Nd4j.create(w.dataType(), x.size(0), w.size(1));
        this.gIn = Nd4j.create(w.dataType(), x.size(0), w.size(0));
        this.forward = new MatMul(x, w, out, false, false);
        this.gradW = new MatMul(x, gradOut, gw, true, false);
        this.gradX = new MatMul(gradOut, w, gIn, false, true);
    }

    public INDArray forward() {
        long clock = LayerClock.start();
        try {
            forward.run();
            if (b != null) {
                out.addiRowVector(b);
            }
            return out;
        } finally {
            LayerClock.stop("dense forward", clock);
        }
    }

    /** Writes W's and b's gradients from the output gradient array and returns x's gradient. */
    public INDArray backward() {
        long clock = LayerClock.start();
        try {
            gradW.run();
            if (b != null) {
                Flat g = Flat.of(gradOut);
                Flat gbf = Flat.of(gb);
                int cols = (int) out.size(1);
                int rows = (int) out.size(0);
                for (int c = 0; c < cols; c++) {
                    double s = 0;
                    for (int r = 0; r < rows; r++) {
                        s += g.get(r * cols + c);
                    }
                    gbf.set(c, s);
                }
            }
            gradX.run();
            return gIn;
        } finally {
            LayerClock.stop("dense backward", clock);
        }
    }

    public INDArray output() {
        return out;
    }
}
