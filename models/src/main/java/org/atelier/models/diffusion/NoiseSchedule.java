package org.atelier.models.diffusion;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A forward (noising) process: β_t for the training timesteps t = 0 … T−1 (zero-based, as
 * diffusers counts; the papers count 1 … T), α_t = 1 − β_t and ᾱ_t = ∏_{s ≤ t} α_s, kept in
 * float64. Immutable and independent of any network: the samplers take one and ask it for
 * timesteps, ᾱ and posterior variances.
 *
 * <table>
 *   <caption>Names here and in the papers</caption>
 *   <tr><th>here</th><th>Ho et al. 2020</th><th>diffusers</th></tr>
 *   <tr><td>{@code beta(t)}</td><td>β_{t+1}</td><td>{@code betas[t]}</td></tr>
 *   <tr><td>{@code alphaBar(t)}</td><td>ᾱ_{t+1}</td><td>{@code alphas_cumprod[t]}</td></tr>
 *   <tr><td>{@code alphaBar(-1)}</td><td>ᾱ₀ = 1</td><td>{@code final_alpha_cumprod} (set_alpha_to_one)</td></tr>
 * </table>
 *
 * <p>Closed form of the forward process (Ho et al. 2020, eq. 4):
 * q(x_t | x₀) = N(√ᾱ_t·x₀, (1 − ᾱ_t)·I), so x_t = √ᾱ_t·x₀ + √(1 − ᾱ_t)·ε.
 */
public final class NoiseSchedule {
    /** Linear schedule end points for T = 1000 (Ho et al. 2020, section 4). */
    public static final double LINEAR_BETA_START = 1e-4;
    public static final double LINEAR_BETA_END = 0.02;
    /** Cosine schedule offset s and β cap (Nichol and Dhariwal 2021, section 3.2). */
    public static final double COSINE_OFFSET = 0.008;
    public static final double COSINE_MAX_BETA = 0.999;
    /** ρ of the Karras grid (Karras et al. 2022, eq. 5, used for all their experiments). */
    public static final double KARRAS_RHO = 7.0;

    private final ScheduleKind kind;
    private final double[] betas;
    private final double[] alphaBars;

    private NoiseSchedule(ScheduleKind kind, double[] betas) {
        this.kind = kind;
        this.betas = betas;
        this.alphaBars = new double[betas.length];
        double prod = 1;
        for (int t = 0; t < betas.length; t++) {
            if (!(betas[t] > 0 && betas[t] < 1)) {
                throw new IllegalArgumentException("beta[" + t + "] = " + betas[t] + " is outside (0, 1)");
            }
            prod *= 1 - betas[t];
            alphaBars[t] = prod;
        }
    }

    /** The named schedule with {@code steps} training timesteps (≥ 2). */
    public static NoiseSchedule of(ScheduleKind kind, int steps) {
        return switch (kind) {
            case LINEAR -> linear(steps, LINEAR_BETA_START, LINEAR_BETA_END);
            case COSINE -> cosine(steps, COSINE_OFFSET, COSINE_MAX_BETA);
        };
    }

    /** β evenly spaced from {@code betaStart} to {@code betaEnd} inclusive. */
    public static NoiseSchedule linear(int steps, double betaStart, double betaEnd) {
        checkSteps(steps);
        double[] b = new double[steps];
        for (int t = 0; t < steps; t++) {
            b[t] = betaStart + (betaEnd - betaStart) * t / (steps - 1);
        }
        return new NoiseSchedule(ScheduleKind.LINEAR, b);
    }

    /** β_t = min(1 − f((t+1)/T)/f(t/T), maxBeta) with f(u) = cos²(((u + s)/(1 + s))·π/2). */
    public static NoiseSchedule cosine(int steps, double offset, double maxBeta) {
        checkSteps(steps);
        double[] b = new double[steps];
        for (int t = 0; t < steps; t++) {
            double ratio = cosineF((t + 1) / (double) steps, offset) / cosineF(t / (double) steps, offset);
            b[t] = Math.min(1 - ratio, maxBeta);
        }
        return new NoiseSchedule(ScheduleKind.COSINE, b);
    }

    private static double cosineF(double u, double s) {
        double c = Math.cos((u + s) / (1 + s) * Math.PI / 2);
        return c * c;
    }

    private static void checkSteps(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("a schedule needs at least 2 timesteps, got " + steps);
        }
    }

    public ScheduleKind kind() {
        return kind;
    }

    /** T, the number of training timesteps. */
    public int steps() {
        return betas.length;
    }

    public double beta(int t) {
        return betas[t];
    }

    public double alpha(int t) {
        return 1 - betas[t];
    }

    /** ᾱ_t for t in [0, T); t = −1 means "clean", ᾱ = 1. */
    public double alphaBar(int t) {
        return t < 0 ? 1.0 : alphaBars[t];
    }

    /**
     * Signal-to-noise ratio of x_t in decibels, 10·log₁₀(ᾱ_t / (1 − ᾱ_t)): the power of the
     * scaled image over the power of the added noise (Kingma et al. 2021 write SNR(t) = ᾱ/(1 − ᾱ)).
     * 0 dB is where signal and noise weigh the same.
     */
    public double snrDb(int t) {
        double a = alphaBar(t);
        return 10 * Math.log10(a / (1 - a));
    }

    /** The first timestep whose SNR is below {@code db} decibels, or −1 if none is. */
    public int firstBelowDb(double db) {
        for (int t = 0; t < steps(); t++) {
            if (snrDb(t) < db) {
                return t;
            }
        }
        return -1;
    }

    /**
     * σ_t = √((1 − ᾱ_t)/ᾱ_t), the noise level of x_t/√ᾱ_t = x₀ + σ_t·ε (Karras et al. 2022, section 2 and
     * table 1, "VP" column: the σ-parametrisation of this schedule); t = −1 ("clean") gives 0.
     */
    public double sigma(int t) {
        double a = alphaBar(t);
        return Math.sqrt((1 - a) / a);
    }

    /** Copies of β, α and ᾱ (for printing and charts). */
    public double[] betas() {
        return betas.clone();
    }

    public double[] alphas() {
        return Arrays.stream(betas).map(b -> 1 - b).toArray();
    }

    public double[] alphaBars() {
        return alphaBars.clone();
    }

    /**
     * Variance of q(x_prev | x_t, x₀) for a jump from timestep t to an earlier timestep prev
     * (prev = t − 1 in DDPM; −1 = clean): (1 − ᾱ_prev)/(1 − ᾱ_t)·(1 − ᾱ_t/ᾱ_prev)
     * (Ho et al. 2020, eq. 7, β̃; Song et al. 2021, DDIM eq. 16 with η = 1).
     *
     * @param finalAlphaBar ᾱ used when prev = −1 (1, or ᾱ₀ when the final ᾱ is not set to one)
     */
    public double posteriorVariance(int t, int prev, double finalAlphaBar) {
        double at = alphaBar(t);
        double ap = prev < 0 ? finalAlphaBar : alphaBar(prev);
        return (1 - ap) / (1 - at) * (1 - at / ap);
    }

    /** {@link #posteriorVariance(int, int, double)} with the final ᾱ set to one. */
    public double posteriorVariance(int t, int prev) {
        return posteriorVariance(t, prev, 1.0);
    }

    /**
     * The n sampling timesteps, descending, placed by {@code spacing}. Each sampling step goes
     * from one entry to the next; the last entry's step goes to "clean" (−1).
     *
     * @param n 1 ≤ n ≤ T
     */
    public int[] timesteps(int n, TimestepSpacing spacing) {
        int T = steps();
        if (n < 1 || n > T) {
            throw new IllegalArgumentException("sampling steps must be in 1.." + T + ", got " + n);
        }
        int[] ts = new int[n];
        switch (spacing) {
            case LEADING -> {
                int ratio = T / n;
                for (int k = 0; k < n; k++) {
                    ts[k] = (n - 1 - k) * ratio;
                }
            }
            case TRAILING -> {
                double ratio = T / (double) n;
                for (int k = 0; k < n; k++) {
                    ts[k] = (int) Math.round(T - k * ratio) - 1;
                }
            }
            case KARRAS -> {
                double[] sigmas = karrasSigmas(n, sigma(0), sigma(T - 1), KARRAS_RHO);
                for (int k = 0; k < n; k++) {
                    ts[k] = (int) Math.round(timestepOf(sigmas[k]));
                }
                // rounding can merge neighbours where the σ steps are finer than one timestep: keep them apart,
                // pushing upwards from the last (σ_min, t = 0), then downwards from the first (σ_max, T − 1);
                // n ≤ T leaves room for both
                for (int k = n - 2; k >= 0; k--) {
                    ts[k] = Math.max(ts[k], ts[k + 1] + 1);
                }
                ts[0] = Math.min(ts[0], T - 1);
                for (int k = 1; k < n; k++) {
                    ts[k] = Math.min(ts[k], ts[k - 1] - 1);
                }
            }
            default -> throw new IllegalStateException(spacing.toString());
        }
        return ts;
    }

    /**
     * Karras et al. 2022, eq. 5: σ_i = (σ_max^(1/ρ) + i/(n − 1)·(σ_min^(1/ρ) − σ_max^(1/ρ)))^ρ for i = 0 … n−1,
     * descending from σ_max to σ_min (n = 1 gives σ_max alone).
     */
    public static double[] karrasSigmas(int n, double sigmaMin, double sigmaMax, double rho) {
        double lo = Math.pow(sigmaMin, 1 / rho);
        double hi = Math.pow(sigmaMax, 1 / rho);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double ramp = n == 1 ? 0 : i / (double) (n - 1);
            out[i] = Math.pow(hi + ramp * (lo - hi), rho);
        }
        return out;
    }

    /**
     * The (fractional) timestep whose σ is {@code sigma}: linear interpolation of t in log σ between the two
     * training timesteps around it, clamped to [0, T − 1] (what diffusers' schedulers call {@code _sigma_to_t}).
     */
    public double timestepOf(double sigma) {
        double ls = Math.log(sigma);
        int T = steps();
        if (ls <= Math.log(sigma(0))) {
            return 0;
        }
        if (ls >= Math.log(sigma(T - 1))) {
            return T - 1;
        }
        int lo = 0;
        int hi = T - 1;
        while (hi - lo > 1) { // σ_t increases with t: bisect for σ_lo ≤ σ < σ_hi
            int mid = (lo + hi) >>> 1;
            if (Math.log(sigma(mid)) <= ls) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double a = Math.log(sigma(lo));
        double b = Math.log(sigma(hi));
        return lo + (ls - a) / (b - a);
    }

    /**
     * x_t = √ᾱ_t·x₀ + √(1 − ᾱ_t)·ε per sample (Ho et al. 2020, eq. 4).
     *
     * @param x0  (N, …) clean images
     * @param eps noise of the same shape
     * @param t   N timesteps in [0, T), or −1 for "clean"
     */
    public INDArray addNoise(INDArray x0, INDArray eps, int[] t) {
        if (t.length != x0.size(0) || !Arrays.equals(x0.shape(), eps.shape())) {
            throw new IllegalArgumentException("addNoise needs x0 and eps of one shape and one timestep per sample, got "
                    + Arrays.toString(x0.shape()) + ", " + Arrays.toString(eps.shape()) + ", " + t.length);
        }
        double[] a = new double[t.length];
        double[] b = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            a[i] = Math.sqrt(alphaBar(t[i]));
            b[i] = Math.sqrt(1 - alphaBar(t[i]));
        }
        return perSample(x0, a).addi(perSample(eps, b));
    }

    /** x·c_i for sample i: each sample (slice along axis 0) scaled by its own factor. */
    public static INDArray perSample(INDArray x, double[] c) {
        INDArray coef = Nd4j.createFromArray(c).castTo(x.dataType());
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        return Broadcast.mul(x, coef, out, 0);
    }

    /** q(x_t | x₀) at one timestep for the whole batch. */
    public INDArray addNoise(INDArray x0, INDArray eps, int t) {
        double at = alphaBar(t);
        return x0.mul(Math.sqrt(at)).addi(eps.mul(Math.sqrt(1 - at)));
    }

    /** Float32 copy of ᾱ (for graphs that need it as a constant). */
    public INDArray alphaBarArray() {
        return Nd4j.createFromArray(alphaBars).castTo(DataType.FLOAT);
    }

    @Override
    public String toString() {
        return kind.id() + "(T=" + steps() + ")";
    }
}
