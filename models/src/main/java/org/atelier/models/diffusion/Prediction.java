package org.atelier.models.diffusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the network predicts from x_t = √ᾱ·x₀ + √(1−ᾱ)·ε, and how its output turns into the
 * predicted clean image x̂₀ and noise ε̂.
 */
public enum Prediction {
    /** The noise ε (Ho et al. 2020): x̂₀ = (x_t − √(1−ᾱ)·ε̂)/√ᾱ. */
    EPSILON("epsilon"),
    /**
     * The velocity v = √ᾱ·ε − √(1−ᾱ)·x₀ (Salimans and Ho 2022, section 4):
     * x̂₀ = √ᾱ·x_t − √(1−ᾱ)·v̂, ε̂ = √ᾱ·v̂ + √(1−ᾱ)·x_t.
     */
    V("v");

    private final String id;

    Prediction(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Prediction parse(String s) {
        for (Prediction p : values()) {
            if (p.id.equalsIgnoreCase(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown prediction '" + s + "'; expected one of "
                + Arrays.stream(values()).map(Prediction::id).collect(Collectors.toList()));
    }

    /** x̂₀ from the network's output at a timestep with cumulative product {@code alphaBar}. */
    public INDArray x0(INDArray output, INDArray xt, double alphaBar) {
        double a = Math.sqrt(alphaBar);
        double b = Math.sqrt(1 - alphaBar);
        return switch (this) {
            case EPSILON -> xt.sub(output.mul(b)).divi(a);
            case V -> xt.mul(a).subi(output.mul(b));
        };
    }

    /** x̂₀ as above, clamped to [−1, 1] when {@code clip} (static thresholding). */
    INDArray x0(INDArray output, INDArray xt, double alphaBar, boolean clip) {
        INDArray x0 = x0(output, xt, alphaBar);
        return clip ? Clip.unit(x0) : x0;
    }

    /** ε̂ from the network's output. */
    public INDArray epsilon(INDArray output, INDArray xt, double alphaBar) {
        return switch (this) {
            case EPSILON -> output;
            case V -> output.mul(Math.sqrt(alphaBar)).addi(xt.mul(Math.sqrt(1 - alphaBar)));
        };
    }

    /**
     * The training targets of a batch: noise {@code eps} added to {@code x0} at timestep t[i] for image i
     * of {@code schedule} (ε itself, or v = √ᾱ·ε − √(1−ᾱ)·x₀).
     */
    public INDArray targets(NoiseSchedule schedule, INDArray x0, INDArray eps, int[] t) {
        if (this == EPSILON) {
            return eps;
        }
        double[] a = new double[t.length];
        double[] b = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            a[i] = Math.sqrt(schedule.alphaBar(t[i]));
            b[i] = Math.sqrt(1 - schedule.alphaBar(t[i]));
        }
        return NoiseSchedule.perSample(eps, a).subi(NoiseSchedule.perSample(x0, b));
    }

    /** The training target for noise {@code eps} added to {@code x0} at cumulative product {@code alphaBar}. */
    public INDArray target(INDArray x0, INDArray eps, double alphaBar) {
        return switch (this) {
            case EPSILON -> eps;
            case V -> eps.mul(Math.sqrt(alphaBar)).subi(x0.mul(Math.sqrt(1 - alphaBar)));
        };
    }
}
