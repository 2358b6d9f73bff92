package org.atelier.models.fast;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The per-sample passes of {@link GroupNormAct} on float32, written with the JDK's Vector API
 * (incubating in Java 17: the JVM needs {@code --add-modules jdk.incubator.vector}, which
 * {@code atelier} and the tests pass; without it {@link VectorLanes#AVAILABLE} is false and
 * GroupNormAct keeps its scalar loops). Why: neither the JIT nor libnd4j vectorises exp, and SiLU's
 * sigmoid as a scalar loop (Java's or ND4J's native one) took about as long as the convolution next
 * to it; with 16 float lanes and an exp of lane-wise arithmetic ({@link #exp}) a sample's sigmoid
 * is one more pass in cache (issue 20, docs/performance.md). A sample's values are (H·W, C) channels-last in a Java
 * array; C is a multiple of the lane count (the caller checks), so a lane block never straddles
 * two pixels. Statistics are summed per channel in float lanes over one sample's H·W pixels and
 * combined per group in float64 by the caller.
 */
final class VectorGroupNorm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** 1.5·2^23: adding and subtracting it rounds a float of magnitude below 2^22 to an integer. */
    private static final float ROUND = 12582912f;
    private static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);

    private VectorGroupNorm() {
    }

    static int lanes() {
        return S.length();
    }

    /** sums[c] = Σ over pixels of v[p·C + c]. */
    static void channelSums(float[] v, int plane, int channels, float[] sums) {
        for (int c = 0; c < channels; c += S.length()) {
            FloatVector acc = FloatVector.zero(S);
            for (int i = c; i < plane * channels; i += channels) {
                acc = acc.add(FloatVector.fromArray(S, v, i));
            }
            acc.intoArray(sums, c);
        }
    }

    /** sq[c] = Σ over pixels of (v[p·C + c] − mean[c])². */
    static void squaredDeviations(float[] v, int plane, int channels, float[] mean, float[] sq) {
        for (int c = 0; c < channels; c += S.length()) {
            FloatVector m = FloatVector.fromArray(S, mean, c);
            FloatVector acc = FloatVector.zero(S);
            for (int i = c; i < plane * channels; i += channels) {
                FloatVector d = FloatVector.fromArray(S, v, i).sub(m);
                acc = d.fma(d, acc);
            }
            acc.intoArray(sq, c);
        }
    }

    /** v[p·C + c] += add[c]. */
    static void addPerChannel(float[] v, int plane, int channels, float[] add) {
        for (int c = 0; c < channels; c += S.length()) {
            FloatVector a = FloatVector.fromArray(S, add, c);
            for (int i = c; i < plane * channels; i += channels) {
                FloatVector.fromArray(S, v, i).add(a).intoArray(v, i);
            }
        }
    }

    /**
     * z = v·scale[c] + shift[c]; with SiLU, sig = σ(z) and v = z·σ(z), else v = z (sig untouched).
     * Overwrites v.
     */
    static void normalise(float[] v, int plane, int channels, float[] scale, float[] shift, boolean silu, float[] sig) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int c = 0; c < channels; c += S.length()) {
            FloatVector sc = FloatVector.fromArray(S, scale, c);
            FloatVector sh = FloatVector.fromArray(S, shift, c);
            for (int i = c; i < plane * channels; i += channels) {
                FloatVector z = FloatVector.fromArray(S, v, i).fma(sc, sh);
                if (silu) {
                    FloatVector s = one.div(exp(z.neg()).add(one));
                    s.intoArray(sig, i);
                    z = z.mul(s);
                }
                z.intoArray(v, i);
            }
        }
    }

    /**
     * e^x in float lanes, within 3e-7 relative for |x| ≤ 87 (clamped beyond, where σ is 0 or 1 in
     * float32 anyway): x = k·ln2 + r with k = round(x/ln2) and |r| ≤ ln2/2 (ln2 split in two parts
     * for an exact k·ln2), e^r by its Taylor polynomial to degree 7, 2^k from k's bits in the float
     * exponent. Written out rather than the Vector API's own EXP because that one is only
     * approximately specified: it runs Intel's SVML once the JIT has compiled the loop and Java's
     * Math.exp before, which differ in the last bit, so the same seed gave different samples
     * depending on how warm the JVM was (SparkSweepTest caught it). Every operation here is an
     * exactly rounded IEEE one, the same interpreted or compiled.
     */
    static FloatVector exp(FloatVector x) {
        FloatVector v = x.max(-87f).min(87f);
        FloatVector k = v.mul(1.4426950409f).add(ROUND).sub(ROUND); // round to nearest, |k| ≤ 126
        FloatVector r = v.sub(k.mul(0.693145751953125f)).sub(k.mul(1.428606765330187e-6f));
        FloatVector p = r.mul(1 / 5040f).add(1 / 720f);
        p = p.mul(r).add(1 / 120f);
        p = p.mul(r).add(1 / 24f);
        p = p.mul(r).add(1 / 6f);
        p = p.mul(r).add(0.5f);
        p = p.mul(r).add(1f);
        p = p.mul(r).add(1f);
        // k + 1.5·2^23 holds k in its low mantissa bits; shifting k + 127 into the exponent gives 2^k
        IntVector bits = k.add(ROUND).reinterpretAsInts().sub(ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(bits.reinterpretAsFloats());
    }

    /**
     * The first backward pass: overwrites g (the output's gradient) with dz, the gradient of the
     * norm's output before the SiLU, and sums per channel pg[c] = Σ dz·x̂ and pb[c] = Σ dz.
     * x̂ = (x − mean[c])·rstd[c]; the SiLU's argument is x̂·gamma[c] + beta[c] and sig its σ.
     */
    static void gradientSums(float[] x, float[] g, float[] sig, int plane, int channels, float[] mean, float[] rstd,
                             float[] gamma, float[] beta, float[] pg, float[] pb) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int c = 0; c < channels; c += S.length()) {
            FloatVector m = FloatVector.fromArray(S, mean, c);
            FloatVector r = FloatVector.fromArray(S, rstd, c);
            FloatVector ga = FloatVector.fromArray(S, gamma, c);
            FloatVector be = FloatVector.fromArray(S, beta, c);
            FloatVector accG = FloatVector.zero(S);
            FloatVector accB = FloatVector.zero(S);
            for (int i = c; i < plane * channels; i += channels) {
                FloatVector xh = FloatVector.fromArray(S, x, i).sub(m).mul(r);
                FloatVector dz = FloatVector.fromArray(S, g, i);
                if (sig != null) {
                    FloatVector s = FloatVector.fromArray(S, sig, i);
                    FloatVector z = xh.fma(ga, be);
                    dz = dz.mul(s).mul(z.mul(one.sub(s)).add(one));
                }
                dz.intoArray(g, i);
                accG = dz.fma(xh, accG);
                accB = accB.add(dz);
            }
            accG.intoArray(pg, c);
            accB.intoArray(pb, c);
        }
    }

    /** The second backward pass: g (holding dz) becomes x's gradient rstd·(dz·gamma − meanD − x̂·meanDx). */
    static void inputGradient(float[] x, float[] g, int plane, int channels, float[] mean, float[] rstd, float[] gamma,
                              float[] meanD, float[] meanDx) {
        for (int c = 0; c < channels; c += S.length()) {
            FloatVector m = FloatVector.fromArray(S, mean, c);
            FloatVector r = FloatVector.fromArray(S, rstd, c);
            FloatVector ga = FloatVector.fromArray(S, gamma, c);
            FloatVector md = FloatVector.fromArray(S, meanD, c);
            FloatVector mdx = FloatVector.fromArray(S, meanDx, c);
            for (int i = c; i < plane * channels; i += channels) {
                FloatVector xh = FloatVector.fromArray(S, x, i).sub(m).mul(r);
                FloatVector dz = FloatVector.fromArray(S, g, i);
                dz.mul(ga).sub(md).sub(xh.mul(mdx)).mul(r).intoArray(g, i);
            }
        }
    }
}
