package org.atelier.models.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The vectorised GroupNorm(+SiLU) passes against the scalar ones (which FastUNetTest holds to
 * SameDiff in float64): every output and gradient on float32 inputs with a mean far from zero,
 * with and without the added per-channel features and the SiLU.
 */
class GroupNormActTest {
    @Test
    void theBuildRunsTheVectorisedPasses() {
        // the tests' JVM gets --add-modules jdk.incubator.vector (pom.xml), as atelier does; without it the
        // comparison below would compare the scalar loops with themselves
        assertTrue(VectorLanes.AVAILABLE, "jdk.incubator.vector is not resolved in this JVM");
    }

    @Test
    void laneExpFollowsMathExp() {
        float[] x = new float[VectorGroupNorm.lanes() * 2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = -90f + 180f * i / (x.length - 1); // beyond the clamp at ±87 on both ends
        }
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i += VectorGroupNorm.lanes()) {
            VectorGroupNorm.exp(jdk.incubator.vector.FloatVector.fromArray(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED,
                    x, i)).intoArray(y, i);
        }
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double want = Math.exp(Math.max(-87, Math.min(87, x[i])));
            worst = Math.max(worst, Math.abs(y[i] - want) / want);
        }
        assertTrue(worst < 1e-6, "largest relative error " + worst);
    }

    @ParameterizedTest
    @CsvSource({"true, true", "true, false", "false, true", "false, false"})
    void vectorisedPassesMatchTheScalarOnes(boolean silu, boolean withAdd) {
        int n = 3;
        int channels = 32;
        int side = 5;
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.randn(DataType.FLOAT, n, side, side, channels).addi(3); // mean 3: the variance's cancellation shows
        INDArray add = withAdd ? Nd4j.randn(DataType.FLOAT, n, channels) : null;
        INDArray gy = Nd4j.randn(DataType.FLOAT, n, side, side, channels);
        INDArray gamma = Nd4j.rand(DataType.FLOAT, channels).addi(0.5);
        INDArray beta = Nd4j.randn(DataType.FLOAT, channels);
        INDArray[] vector = run(true, x.dup(), add, gy, gamma, beta, silu, n, channels, side);
        INDArray[] scalar = run(false, x.dup(), add, gy, gamma, beta, silu, n, channels, side);
        String[] what = {"output", "input gradient", "gamma gradient", "beta gradient", "added features' gradient"};
        for (int i = 0; i < what.length; i++) {
            double scale = scalar[i].amaxNumber().doubleValue();
            double diff = scalar[i].sub(vector[i]).amaxNumber().doubleValue();
            assertTrue(scale > 0, what[i] + " is all zero: the comparison would prove nothing");
            assertTrue(diff <= 2e-5 * scale, what[i] + ": largest difference " + diff + " at magnitude " + scale);
        }
    }

    private static INDArray[] run(boolean vector, INDArray x, INDArray add, INDArray gy, INDArray gamma, INDArray beta,
                                  boolean silu, int n, int channels, int side) {
        INDArray gGamma = gamma.ulike();
        INDArray gBeta = beta.ulike();
        GroupNormAct layer = new GroupNormAct(gamma, beta, gGamma, gBeta, 8, silu, n, channels, side, vector);
        INDArray out = layer.forward(x, add).dup();
        INDArray gx = layer.backward(gy).dup();
        return new INDArray[] {out, gx, gGamma.dup(), gBeta.dup(), layer.addGradient().dup()};
    }
}
