package org.atelier.models.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Single-head scaled dot-product attention over positions, on channels-last q, k, v of shape
 * (N, P, c) (the (N, H, W, c) output of a {@link Conv}, reshaped): A = softmax over keys of
 * k·qᵀ/√c, out = Aᵀ·v (Vaswani et al. 2017, eq. 1; the same values as SameDiff's
 * {@code dotProductAttention} on the transposed (N, c, P) layout). Products by ND4J's batched native matmul into arrays
 * allocated once; the softmax and its gradient by hand, in place.
 */
public final class SelfAttention {
    private final int n;
    private final int positions;
    private final double scale;
    private final INDArray weights;
    private final INDArray out;
    private final INDArray gWeights;
    private final INDArray gq;
    private final INDArray gk;
    private final INDArray gv;
    private final MatMul scores;
    private final MatMul mix;
    private final MatMul gradV;
    private final MatMul gradWeights;
    private final MatMul gradQ;
    private final MatMul gradK;

    /** q, k, v: the arrays every forward call reads; gradOut: the array every backward call reads. */
    public SelfAttention(INDArray q, INDArray k, INDArray v, INDArray gradOut) {
        this.n = (int) q.size(0);
        this.positions = (int) q.size(1);
        int c = (int) q.size(2);
        this.scale = 1.0 / Math.sqrt(c);
        this.weights = Nd4j.create(q.dataType(), n, positions, positions);
        this.gWeights = Nd4j.create(q.dataType(), n, positions, positions);
        this.out = Nd4j.create(q.dataType(), n, positions, c);
        this.gq = Nd4j.create(q.dataType(), n, positions, c);
        this.gk = Nd4j.create(q.dataType(), n, positions, c);
        this.gv = Nd4j.create(q.dataType(), n, positions, c);
        // weights (N, keys, queries) = k·qᵀ; out = weightsᵀ·v; and the products of the backward pass
        this.scores = new MatMul(k, q, weights, false, true);
        this.mix = new MatMul(weights, v, out, true, false);
        this.gradV = new MatMul(weights, gradOut, gv, false, false);
        this.gradWeights = new MatMul(v, gradOut, gWeights, false, true);
        this.gradQ = new MatMul(gWeights, k, gq, true, false);
        this.gradK = new MatMul(gWeights, q, gk, false, false);
    }

    public INDArray forward() {
        long clock = LayerClock.start();
        try {
            scores.run();
            Flat a = Flat.of(weights);
            int p = positions;
            // softmax over the key axis (1) of (N, keys, queries), for every (sample, query)
            Parallel.range(n * p, nq -> {
                int base = (nq / p) * p * p + nq % p;
                double max = Double.NEGATIVE_INFINITY;
                for (int t = 0; t < p; t++) {
                    max = Math.max(max, a.get(base + t * p) * scale);
                }
                double sum = 0;
                for (int t = 0; t < p; t++) {
                    double e = Math.exp(a.get(base + t * p) * scale - max);
                    a.set(base + t * p, e);
                    sum += e;
                }
                for (int t = 0; t < p; t++) {
                    a.set(base + t * p, a.get(base + t * p) / sum);
                }
            });
            mix.run();
            return out;
        } finally {
            LayerClock.stop("attention forward", clock);
        }
    }

    /** Fills the gradients of q, k and v ({@link #gradQ()} …) from the output's. */
    public void backward() {
        long clock = LayerClock.start();
        try {
            gradV.run();
            gradWeights.run();
            Flat a = Flat.of(weights);
            Flat g = Flat.of(gWeights);
            int p = positions;
            // softmax's gradient, times the 1/√c inside it: gS = scale·A⊙(gA − Σ_keys A⊙gA)
            Parallel.range(n * p, nq -> {
                int base = (nq / p) * p * p + nq % p;
                double dot = 0;
                for (int t = 0; t < p; t++) {
                    dot += a.get(base + t * p) * g.get(base + t * p);
                }
                for (int t = 0; t < p; t++) {
                    int i = base + t * p;
                    g.set(i, scale * a.get(i) * (g.get(i) - dot));
                }
            });
            gradQ.run();
            gradK.run();
        } finally {
            LayerClock.stop("attention backward", clock);
        }
    }

    /** (N, P, c): the array {@link #forward} writes. */
    public INDArray output() {
        return out;
    }

    public INDArray gradQ() {
        return gq;
    }

    public INDArray gradK() {
        return gk;
    }

    public INDArray gradV() {
        return gv;
    }
}
