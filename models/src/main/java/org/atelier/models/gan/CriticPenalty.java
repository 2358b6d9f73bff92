package org.atelier.models.gan;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.atelier.models.common.Init;
import org.atelier.models.common.Net;
import org.atelier.models.common.ParameterStore;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A finite-difference gradient penalty for a Wasserstein critic — the stand-in for WGAN-GP's
 * λ·E[(‖∇ₓD(x̂)‖ − 1)²] (Gulrajani et al. 2017, eq. 3), whose gradient with respect to the
 * critic's weights needs double backpropagation, which SameDiff M2.1 cannot do (its
 * backprop ops have no gradients of their own; {@code WganGpFeasibilityTest} shows it).
 *
 * <p>How: x̂ = εx + (1 − ε)G(z) with ε ~ U(0, 1) per sample, as in WGAN-GP. A first backward
 * pass gives g = ∇ₓD(x̂) as numbers and its direction u = g/‖g‖ (held constant). The
 * directional derivative along u equals ‖g‖, and the central difference
 * q = (D(x̂ + h·u) − D(x̂ − h·u)) / 2h approximates it to O(h²). The penalty is
 * λ·mean((q − 1)²), built from two ordinary forward passes of D, so its gradient with respect
 * to the weights is ordinary backprop. Because ∂‖g‖/∂θ = ∂(uᵀg)/∂θ with u fixed, this
 * gradient equals WGAN-GP's up to the O(h²) difference error and float32 rounding.
 */
final class CriticPenalty {
    static final String X_HAT = "x_hat";
    static final String DIRECTION = "u";

    private final Net probe;
    private final SDVariable term;
    private final String probeInput;
    private final boolean conditional;

    CriticPenalty(Net dTrain, ParameterStore store, Init init, GanConfig cfg, int channels, SDVariable y, int classes) {
        int side = cfg.arch().side();
        double h = cfg.fdStep();
        SDVariable xh = dTrain.placeholder(X_HAT, -1, channels, side, side);
        SDVariable u = dTrain.placeholder(DIRECTION, -1, channels, side, side);
        SDVariable plus = GanNets.discriminator(dTrain, cfg.arch(), channels, xh.add(u.mul(h)), false, y, classes);
        SDVariable minus = GanNets.discriminator(dTrain, cfg.arch(), channels, xh.sub(u.mul(h)), false, y, classes);
        SDVariable q = plus.sub(minus).div(2 * h);
        term = dTrain.sd().math().square(q.sub(1.0)).mean().mul(cfg.gpWeight());

        probe = new Net(store, init, true);
        SDVariable px = probe.placeholder(X_HAT, -1, channels, side, side);
        SDVariable py = y == null ? null : probe.placeholder("y", -1, classes);
        SDVariable out = GanNets.discriminator(probe, cfg.arch(), channels, px, false, py, classes).sum();
        probe.sd().setLossVariables(out);
        probeInput = px.name();
        conditional = y != null;
    }

    /** The graph variable holding λ·mean((q − 1)²). */
    SDVariable term() {
        return term;
    }

    String termName() {
        return term.name();
    }

    /** Adds x̂ and u for this critic step to the placeholders {@code ph}. */
    void addInputs(Map<String, INDArray> ph, INDArray real, INDArray fake, RandomGenerator rng) {
        long n = real.size(0);
        float[] eps = new float[(int) n];
        for (int i = 0; i < n; i++) {
            eps[i] = rng.nextFloat();
        }
        INDArray e = Nd4j.create(eps, new long[] {n, 1, 1, 1}, 'c');
        INDArray xh = real.mul(e).addi(fake.mul(e.rsub(1.0)));
        Map<String, INDArray> pp = new java.util.LinkedHashMap<>();
        pp.put(probeInput, xh);
        if (conditional) {
            pp.put("y", ph.get("y"));
        }
        INDArray g = probe.sd().calculateGradients(pp, probeInput).get(probeInput);
        INDArray flat = g.reshape(n, -1);
        INDArray norms = flat.norm2(1).reshape(n, 1).addi(1e-12);
        INDArray u = flat.divColumnVector(norms).reshape(g.shape());
        ph.put(X_HAT, xh);
        ph.put(DIRECTION, u);
    }
}
