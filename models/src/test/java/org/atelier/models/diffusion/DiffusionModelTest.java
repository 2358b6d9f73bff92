package org.atelier.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.models.Batch;
import org.atelier.models.common.Init;
import org.atelier.models.common.Net;
import org.atelier.models.common.ParameterStore;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DiffusionModelTest {
    /** Images of a bright square whose column depends on the class (3 classes), side {@code side}. */
    static Batch squares(int n, int side, int channels) {
        INDArray x = Nd4j.zeros(DataType.FLOAT, n, channels, side, side).subi(1);
        int[] labels = new int[n];
        List<Map<String, String>> attrs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            int x0 = labels[i] * side / 3;
            for (int c = 0; c < channels; c++) {
                for (int y = side / 4; y < 3 * side / 4; y++) {
                    for (int xx = x0; xx < x0 + side / 3; xx++) {
                        x.putScalar(new long[] {i, c, y, xx}, 1f);
                    }
                }
            }
            attrs.add(Map.of("pos", List.of("left", "middle", "right").get(labels[i]), "size", "big"));
        }
        return new Batch(x, labels, attrs);
    }

    @Test
    void groupNormNormalisesEachGroupOfEachSample() {
        Net net = new Net(new ParameterStore(), new Init(1), true);
        SDVariable x = net.placeholder("x", -1, 4, 3, 3);
        SDVariable y = GroupNorm.apply(net, "gn", x, 4, 2, 3);
        INDArray in = Nd4j.rand(DataType.FLOAT, 2, 4, 3, 3).muli(5).addi(3);
        INDArray out = net.sd().output(Map.of("x", in), y.name()).get(y.name());
        INDArray groups = out.reshape('c', 4, 18);
        for (int r = 0; r < 4; r++) {
            INDArray v = groups.getRow(r);
            assertEquals(0.0, v.meanNumber().doubleValue(), 1e-4);
            assertEquals(1.0, v.var(false).getDouble(0), 1e-3);
        }
    }

    /** The sampling graph's plain broadcast products give the training graph's BroadcastMul values exactly. */
    @Test
    void groupNormSamplingFormEqualsTrainingForm() {
        ParameterStore store = new ParameterStore();
        INDArray in = Nd4j.rand(DataType.FLOAT, 3, 8, 5, 5).muli(4).subi(1);
        INDArray[] outs = new INDArray[2];
        for (int k = 0; k < 2; k++) {
            Net net = new Net(store, new Init(1), k == 0);
            SDVariable x = net.placeholder("x", -1, 8, 5, 5);
            SDVariable y = GroupNorm.apply(net, "gn", x, 8, 4, 5);
            store.parameters().get("gn_gamma").assign(Nd4j.linspace(DataType.FLOAT, 0.5, 2, 8).reshape(1, 8, 1, 1));
            outs[k] = net.sd().output(Map.of("x", in), y.name()).get(y.name());
        }
        assertEquals(outs[0], outs[1]);
    }

    /** Sampling reads the weights training updates: after a step, predict changes and matches a fresh copy. */
    @Test
    void samplingGraphSeesTheTrainedWeights() {
        DiffusionModel m = new DiffusionModel(DiffusionConfig.of(UNetArch.TINY8, ConditioningKind.NONE, List.of()),
                1, ConditionSpace.none(), 5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8);
        INDArray before = m.predict(x, 300, List.of()).dup();
        TestContext ctx = new TestContext(m.parameters(), 0.05);
        for (int s = 0; s < 3; s++) {
            m.step(squares(6, 8, 1), ctx.at(s));
        }
        INDArray after = m.predict(x, 300, List.of());
        assertTrue(after.sub(before).norm1Number().doubleValue() > 1e-3, "predict ignored the update");
        DiffusionModel copy = new DiffusionModel(DiffusionConfig.of(UNetArch.TINY8, ConditioningKind.NONE, List.of()),
                1, ConditionSpace.none(), 99);
        copy.parameters().assign(m.parameters().parameters());
        assertEquals(after, copy.predict(x, 300, List.of()));
    }

    @Test
    void unet28HasTheReferenceLayout() {
        DiffusionModel m = new DiffusionModel(DiffusionConfig.of(UNetArch.UNET28, ConditioningKind.NONE, List.of()),
                1, ConditionSpace.none(), 5);
        Map<String, INDArray> p = m.parameters().parameters();
        assertArrayEquals(new long[] {3, 3, 1, 32}, p.get("in_conv_w").shape());
        assertArrayEquals(new long[] {3, 3, 32, 32}, p.get("down0_res_conv1_w").shape());
        assertArrayEquals(new long[] {3, 3, 32, 64}, p.get("down1_res_conv1_w").shape());
        assertArrayEquals(new long[] {3, 3, 64, 64}, p.get("down2_res_conv1_w").shape());
        assertArrayEquals(new long[] {1, 1, 64, 64}, p.get("mid_attn_q_w").shape());
        assertArrayEquals(new long[] {3, 3, 128, 64}, p.get("up2_res_conv1_w").shape());
        assertArrayEquals(new long[] {3, 3, 96, 32}, p.get("up0_res_conv1_w").shape());
        assertArrayEquals(new long[] {3, 3, 32, 1}, p.get("out_conv_w").shape());
        assertArrayEquals(new long[] {128, 128}, p.get("temb_fc1_w").shape());
        assertArrayEquals(new long[] {1, 64, 1, 1}, p.get("mid_res1_norm1_gamma").shape());
        long count = m.parameters().count(UNet.GROUP);
        assertEquals(805_985, count); // 0.81 M, the size of the PyTorch reference UNet in ND4J-NOTES
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28);
        INDArray out = m.predict(x, 500, List.of());
        assertArrayEquals(new long[] {2, 1, 28, 28}, out.shape());
        // the output conv's weights start at zero: ε̂ is its bias everywhere before training (PyTorch's
        // default bias, U(±1/√(9·32)), as the PyTorch twin's)
        double bias = p.get("out_conv_b").getDouble(0);
        assertTrue(Math.abs(bias) <= 1 / Math.sqrt(9 * 32), "bias " + bias);
        assertEquals(0.0, out.sub(bias).amaxNumber().doubleValue(), 1e-6);
    }

    @Test
    void tinyModelLearnsAndSamplesInRange() {
        DiffusionModel m = new DiffusionModel(DiffusionConfig.of(UNetArch.TINY8, ConditioningKind.NONE, List.of()),
                1, ConditionSpace.none(), 5);
        TestContext ctx = new TestContext(m.parameters(), 0.02);
        Batch b = squares(12, 8, 1);
        double first = 0;
        double last = 0;
        for (int s = 0; s < 20; s++) {
            double l = m.step(b, ctx.at(s)).get("loss");
            assertTrue(Double.isFinite(l));
            if (s < 4) {
                first += l / 4;
            }
            if (s >= 16) {
                last += l / 4;
            }
        }
        assertTrue(last < first * 0.8, "loss " + first + " -> " + last);
        var images = m.generate(m.unconditional(3), SamplingOptions.ddim(5, 0, 1), new SplittableRandom(1),
                TrajectoryRecorder.off());
        assertEquals(3, images.size());
        for (float v : images.get(0).pixels()) {
            assertTrue(v >= -1 && v <= 1);
        }
    }

    @Test
    void conditionDropoutFollowsTheConfiguredRates() {
        DiffusionConfig cfg = new DiffusionConfig("ddpm", UNetArch.TINY8, null, null, null, null, null, null, null,
                ConditioningKind.ATTRIBUTES, List.of("pos", "size"), 0.2, 0.5, null, null, null);
        ConditionSpace space = new ConditionSpace(List.of(new ConditionSlot("pos", List.of("left", "middle", "right")),
                new ConditionSlot("size", List.of("big", "small"))));
        DiffusionModel m = new DiffusionModel(cfg, 1, space, 1);
        Batch b = squares(3000, 8, 1);
        List<Condition> cs = m.trainingConditions(b, new SplittableRandom(4));
        int allNull = 0;
        int posNull = 0;
        for (int i = 0; i < cs.size(); i++) {
            Condition c = cs.get(i);
            if (c.equals(space.nullCondition())) {
                allNull++;
            }
            if (c.value(0) == 3) {
                posNull++;
            } else {
                assertEquals(i % 3, c.value(0));
            }
        }
        // whole drop 0.2, plus both attributes dropped on their own: 0.8·0.25 → 0.4 in all
        assertEquals(0.4, allNull / 3000.0, 0.04);
        assertEquals(0.2 + 0.8 * 0.5, posNull / 3000.0, 0.04);
        INDArray enc = space.encode(List.of(space.of(Map.of("pos", "right"))));
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 0, 1}, enc.toFloatVector());
        assertThrows(IllegalArgumentException.class, () -> space.of(Map.of("pos", "up")));
    }
}
