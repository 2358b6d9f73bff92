package org.atelier.models;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma and Ba 2015: β₁ 0.9, β₂ 0.999, ε 1e-8, bias-corrected moments) per named
 * parameter, for model tests; the real optimisers live in the training module.
 */
public final class TestAdam {
    private final Map<String, INDArray> m = new HashMap<>();
    private final Map<String, INDArray> v = new HashMap<>();

    /**
     * One Adam update of {@code param} in place: its moments take in {@code g}, then
     * {@code param -= lr · m̂ / (√v̂ + ε)}.
     *
     * @param t the update's index from 1, for the bias correction 1 − β^t
     */
    public void apply(String name, INDArray param, INDArray g, long t, double lr) {
        INDArray mm = m.computeIfAbsent(name, k -> g.like());
        INDArray vv = v.computeIfAbsent(name, k -> g.like());
        mm.muli(0.9).addi(g.mul(0.1));
        vv.muli(0.999).addi(g.mul(g).muli(0.001));
        INDArray mHat = mm.div(1 - Math.pow(0.9, t));
        INDArray vHat = vv.div(1 - Math.pow(0.999, t));
        param.subi(mHat.divi(Transforms.sqrt(vHat, true).addi(1e-8)).muli(lr));
    }
}
