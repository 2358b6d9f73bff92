package org.atelier.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;
import org.atelier.models.common.NdImages;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The per-timestep loss: its probe set stays inside each bin, and each row is the loss the network gives there. */
class LossProbeTest {
    private static final ConditionSpace SPACE = new ConditionSpace(List.of(new ConditionSlot("class", List.of("a", "b", "c"))));

    @Test
    void probeTimestepsFallInTheirBinAndAreDrawnAlikeInAnyChunking() {
        LossProbe.Bin bin = new LossProbe.Bin(10, 50);
        int[] all = LossProbe.timesteps(bin, 1, 0, 300);
        int[] tail = LossProbe.timesteps(bin, 1, 200, 300);
        for (int k = 0; k < all.length; k++) {
            assertTrue(all[k] >= 10 && all[k] < 50, "t = " + all[k]);
        }
        assertEquals(all[250], tail[50], "probe 250 is the same whichever chunk draws it");
        assertTrue(java.util.Arrays.stream(all).distinct().count() > 30, "the draw covers the bin");
    }

    @Test
    void eachRowIsTheMeanSquaredErrorOfTheNetworkOnItsProbes() {
        DiffusionModel model = new DiffusionModel(DiffusionConfig.of(UNetArch.TINY8, ConditioningKind.CLASS, List.of()),
                1, SPACE, 3);
        ImageDataset data = dataset(6);
        List<LossProbe.Bin> bins = LossProbe.bins(new int[] {0, 1, 500, 1000});
        List<LossProbe.Row> rows = LossProbe.measure(model, data, bins, 6, false);
        assertEquals(3, rows.size());
        for (int b = 0; b < bins.size(); b++) {
            int[] t = LossProbe.timesteps(bins.get(b), b, 0, 6);
            INDArray x0 = NdImages.stack(java.util.stream.IntStream.range(0, 6).mapToObj(i -> data.get(i).image()).toList());
            INDArray eps = LossProbe.noise(b, 0, x0.shape());
            List<Condition> cs = java.util.stream.IntStream.range(0, 6).mapToObj(i -> SPACE.single(0, i % 3)).toList();
            INDArray out = model.forward(model.schedule().addNoise(x0, eps, t), t, cs).castTo(DataType.DOUBLE);
            double expected = out.sub(eps.castTo(DataType.DOUBLE)).norm2Number().doubleValue();
            expected = expected * expected / out.length();
            assertEquals(expected, rows.get(b).mse(), 1e-6 * expected, bins.get(b).toString());
            assertEquals(6, rows.get(b).n());
        }
        assertThrows(IllegalArgumentException.class, () -> LossProbe.measure(model, data, bins, 7, false),
                "more probes than held-out images");
    }

    private static ImageDataset dataset(int n) {
        return new ImageDataset() {
            public String id() {
                return "test";
            }

            public String contentHash() {
                return "0";
            }

            public int size() {
                return n;
            }

            public int channels() {
                return 1;
            }

            public int height() {
                return 8;
            }

            public int width() {
                return 8;
            }

            public Sample get(int index) {
                float[] px = new float[64];
                for (int i = 0; i < 64; i++) {
                    px[i] = (float) Math.sin(0.3 * i + index);
                }
                return new Sample(new Image(1, 8, 8, px), index % 3, Map.of());
            }

            public List<String> classNames() {
                return List.of("a", "b", "c");
            }

            public List<String> attributeNames() {
                return List.of();
            }
        };
    }
}
