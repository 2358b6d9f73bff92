package org.atelier.models.nst;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each loss against values worked out by hand on 2-channel 2 × 2 tensors. */
class NstLossesTest {
    // F, one sample, channel 0 = [[1, 2], [3, 4]], channel 1 = [[0, 1], [0, -1]]
    static final double[] F = {1, 2, 3, 4, 0, 1, 0, -1};

    static INDArray arr(double[] v, long... shape) {
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    static double eval(SameDiff sd, SDVariable v) {
        return sd.output(Map.of(), v.name()).get(v.name()).getDouble(0);
    }

    @Test
    void gramIsFFTransposedOverTheMapSize() {
        SameDiff sd = SameDiff.create();
        SDVariable g = NstLosses.gram(sd, sd.constant("f", arr(F, 1, 2, 2, 2)), new long[] {2, 2, 2});
        INDArray out = sd.output(Map.of(), g.name()).get(g.name());
        // F·Fᵀ = [[1+4+9+16, 0+2+0-4], [-2, 0+1+0+1]] = [[30, -2], [-2, 2]]; over H·W = 4
        assertArrayEquals(new long[] {1, 2, 2}, out.shape());
        assertArrayEquals(new double[] {7.5, -0.5, -0.5, 0.5}, out.reshape(4).toDoubleVector(), 1e-12);
    }

    @Test
    void gramOfABatchIsPerSample() {
        SameDiff sd = SameDiff.create();
        double[] two = new double[16];
        System.arraycopy(F, 0, two, 0, 8);
        for (int i = 0; i < 8; i++) {
            two[8 + i] = 2 * F[i];
        }
        SDVariable g = NstLosses.gram(sd, sd.constant("f", arr(two, 2, 2, 2, 2)), new long[] {2, 2, 2});
        INDArray out = sd.output(Map.of(), g.name()).get(g.name());
        assertArrayEquals(new double[] {7.5, -0.5, -0.5, 0.5, 30, -2, -2, 2}, out.reshape(8).toDoubleVector(), 1e-12);
    }

    @Test
    void contentLossIsTheMeanSquaredDifference() {
        SameDiff sd = SameDiff.create();
        double[] p = {1, 2, 3, 4, 0, 0, 0, 0};
        SDVariable l = NstLosses.content(sd, sd.constant("f", arr(F, 1, 2, 2, 2)), sd.constant("p", arr(p, 1, 2, 2, 2)));
        // differences 0,0,0,0, 0,1,0,-1 → (1 + 1) / 8
        assertEquals(0.25, eval(sd, l), 1e-12);
    }

    @Test
    void styleLayerLossIsTheMeanSquaredGramDifference() {
        SameDiff sd = SameDiff.create();
        SDVariable g = NstLosses.gram(sd, sd.constant("f", arr(F, 1, 2, 2, 2)), new long[] {2, 2, 2});
        SDVariable a = sd.constant("a", arr(new double[] {7.5, 0.5, 0.5, -0.5}, 1, 2, 2));
        // G − A = [[0, -1], [-1, 1]] → (0 + 1 + 1 + 1) / 4
        assertEquals(0.75, eval(sd, NstLosses.styleLayer(sd, g, a)), 1e-12);
    }

    @Test
    void totalVariationSumsTheMeanSquaredNeighbourDifferences() {
        SameDiff sd = SameDiff.create();
        // one channel, 2 × 3: [[0, 1, 3], [2, 2, 2]]
        SDVariable x = sd.constant("x", arr(new double[] {0, 1, 3, 2, 2, 2}, 1, 1, 2, 3));
        // vertical: 2, 1, -1 → mean 6/3 = 2; horizontal: 1, 2, 0, 0 → mean 5/4 = 1.25
        assertEquals(3.25, eval(sd, NstLosses.totalVariation(sd, x, 2, 3)), 1e-12);
    }

    @Test
    void specNormalisesLayerWeightsAndRejectsBadValues() {
        NstLossSpec s = new NstLossSpec("relu2_1", Map.of("relu1_1", 3.0), 1, 10, 0);
        assertEquals(1.0, s.styleLayers().get("relu1_1"), 1e-12);
        NstLossSpec two = new NstLossSpec("relu2_1", new java.util.LinkedHashMap<>(Map.of("relu1_1", 1.0, "relu3_1", 3.0)), 1, 10, 0);
        assertEquals(0.25, two.styleLayers().get("relu1_1"), 1e-12);
        assertEquals(0.75, two.styleLayers().get("relu3_1"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new NstLossSpec("relu2_1", Map.of("relu1_1", 0.0), 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NstLossSpec("relu2_1", Map.of("relu1_1", 1.0), 1, -1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NstLossSpec("relu9_9", Map.of("relu1_1", 1.0), 1, 1, 0).checkAgainst(RandomFeatureNet.create(0)));
        assertEquals(true, e.getMessage().contains("relu9_9") && e.getMessage().contains("relu4_2"), e.getMessage());
    }
}
