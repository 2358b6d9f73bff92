package org.atelier.models.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.datasets.portraits.PortraitAttributes;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PortraitsCnnTest {

    @Test
    void oneHeadPerAttributeColumnWithEveryValue() {
        assertEquals(PortraitAttributes.NAMES, PortraitsCnn.HEADS.stream().map(PortraitsCnn.Head::attribute).toList());
        Map<String, Integer> classes = new HashMap<>();
        PortraitsCnn.HEADS.forEach(h -> classes.put(h.attribute(), h.classes().size()));
        assertEquals(Map.of("skin_tone", 10, "skin_group", 3, "age", 3, "hair", 5, "hair_style", 2, "glasses", 2,
                "expression", 2, "background", 4), classes);
        assertEquals(4, PortraitsCnn.HEADS.get(3).classOf("grey"));
        assertEquals(-1, PortraitsCnn.HEADS.get(3).classOf("green"));
    }

    @Test
    void inferenceGraphGivesFeaturesAndLogitsOfTheDocumentedShapes() {
        SameDiff sd = PortraitsCnn.build(PortraitsCnn.initialWeights(new SplittableRandom(1)), PortraitsCnn.Mode.INFER);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32).muli(2).subi(1);
        List<String> outputs = new ArrayList<>(List.of("c1", "c2_pool", "c4_pool", "c5_pool",
                PortraitsCnn.FEATURES));
        PortraitsCnn.HEADS.forEach(h -> outputs.add(h.logits()));
        Map<String, INDArray> out = sd.output(Map.of(PortraitsCnn.INPUT, x), outputs);
        assertArrayEquals(new long[] {2, 32, 32, 32}, out.get("c1").shape());
        assertArrayEquals(new long[] {2, 32, 16, 16}, out.get("c2_pool").shape());
        assertArrayEquals(new long[] {2, 64, 8, 8}, out.get("c4_pool").shape());
        assertArrayEquals(new long[] {2, 128, 4, 4}, out.get("c5_pool").shape());
        assertArrayEquals(new long[] {2, PortraitsCnn.FEATURE_DIM}, out.get(PortraitsCnn.FEATURES).shape());
        assertTrue(out.get(PortraitsCnn.FEATURES).minNumber().doubleValue() >= 0, "features are ReLU outputs");
        for (PortraitsCnn.Head h : PortraitsCnn.HEADS) {
            assertArrayEquals(new long[] {2, h.classes().size()}, out.get(h.logits()).shape(), h.attribute());
        }
    }

    /** The training loss is the sum of the heads' cross-entropies, each about ln K at He initialisation. */
    @Test
    void trainingLossSumsTheHeadsCrossEntropies() {
        SameDiff sd = PortraitsCnn.build(PortraitsCnn.initialWeights(new SplittableRandom(2)), PortraitsCnn.Mode.TRAIN);
        int n = 4;
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(PortraitsCnn.INPUT, Nd4j.rand(DataType.FLOAT, n, 3, 32, 32).muli(2).subi(1));
        feed.put(PortraitsCnn.DROP_FLAT, Nd4j.ones(DataType.FLOAT, n, PortraitsCnn.FLAT));
        feed.put(PortraitsCnn.DROP_FC1, Nd4j.ones(DataType.FLOAT, n, PortraitsCnn.FEATURE_DIM));
        double lnSum = 0;
        for (PortraitsCnn.Head h : PortraitsCnn.HEADS) {
            INDArray y = Nd4j.zeros(DataType.FLOAT, n, h.classes().size());
            for (int i = 0; i < n; i++) {
                y.putScalar(i, i % h.classes().size(), 1f);
            }
            feed.put(h.labels(), y);
            lnSum += Math.log(h.classes().size());
        }
        List<String> names = new ArrayList<>(List.of(PortraitsCnn.LOSS));
        PortraitsCnn.HEADS.forEach(h -> names.add("loss_" + h.attribute()));
        Map<String, INDArray> out = sd.output(feed, names);
        double sum = 0;
        for (PortraitsCnn.Head h : PortraitsCnn.HEADS) {
            sum += out.get("loss_" + h.attribute()).getDouble(0);
        }
        double loss = out.get(PortraitsCnn.LOSS).getDouble(0);
        assertEquals(sum, loss, 1e-4 * Math.abs(sum));
        assertTrue(loss > 0.5 * lnSum && loss < 3 * lnSum, "loss " + loss + " vs sum of ln K " + lnSum);
    }

    @Test
    void storedTensorsAreCheckedAgainstTheArchitecture() {
        Map<String, WeightsFile.Tensor> tensors = PortraitsCnn.export(
                PortraitsCnn.build(PortraitsCnn.initialWeights(new SplittableRandom(3)), PortraitsCnn.Mode.INFER));
        assertEquals(PortraitsCnn.weightNames(), List.copyOf(tensors.keySet()));
        PortraitsCnn.toArrays(tensors, Path.of("ok.weights"));
        tensors.put("logits_age_w", new WeightsFile.Tensor(new long[] {256, 2}, new float[512]));
        CorruptFileException e = assertThrows(CorruptFileException.class,
                () -> PortraitsCnn.toArrays(tensors, Path.of("bad.weights")));
        assertTrue(e.getMessage().contains("bad.weights") && e.getMessage().contains("logits_age_w"), e.getMessage());
    }
}
