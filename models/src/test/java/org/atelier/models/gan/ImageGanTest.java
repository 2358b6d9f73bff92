package org.atelier.models.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.atelier.core.image.Image;
import org.atelier.models.Batch;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImageGanTest {
    static Batch batch(int n, int c, int side, long seed) {
        INDArray x = Nd4j.rand(new SplittableRandom(seed).nextLong(), new long[] {n, c, side, side}).muli(2).subi(1)
                .castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
        }
        return new Batch(x, labels);
    }

    @Test
    void dcgan28HasTheReferenceShapesAndSharesWeightsAcrossGraphs() {
        ImageGan gan = new ImageGan(GanConfig.dcgan(GanArch.DCGAN28, 100), 1, List.of(), 7);
        Map<String, INDArray> p = gan.parameters().parameters();
        assertArrayEquals(new long[] {100, 6272}, p.get("g_fc_w").shape());
        assertArrayEquals(new long[] {4, 4, 64, 128}, p.get("g_up1_w").shape());
        assertArrayEquals(new long[] {4, 4, 1, 64}, p.get("g_out_w").shape());
        assertArrayEquals(new long[] {4, 4, 1, 64}, p.get("d_conv0_w").shape());
        assertArrayEquals(new long[] {6272, 1}, p.get("d_fc_w").shape());
        double std = p.get("g_fc_w").stdNumber().doubleValue();
        assertEquals(0.02, std, 0.001);

        List<Image> before = gan.sample(4, OptionalInt.empty(), new SplittableRandom(3));
        assertEquals(4, before.size());
        assertEquals(28, before.get(0).height());
        for (float v : before.get(0).pixels()) {
            assertTrue(v >= -1 && v <= 1);
        }
        Map<String, Double> first = null;
        Map<String, Double> last = null;
        for (int s = 0; s < 3; s++) {
            last = gan.step(batch(8, 1, 28, s), new SgdContext(gan.parameters(), 0.05, s));
            first = first == null ? last : first;
        }
        assertTrue(Double.isFinite(last.get("d_loss")) && Double.isFinite(last.get("g_loss")));
        assertNotEquals(first.get("d_loss"), last.get("d_loss"));
        // the inference graph sees the trained weights and the updated running statistics
        List<Image> after = gan.sample(4, OptionalInt.empty(), new SplittableRandom(3));
        assertFalse(before.get(0).equals(after.get(0)));
        assertNotEquals(0.0, gan.parameters().buffers().get("g_bn1_rmean").sumNumber().doubleValue());
    }

    @Test
    void dcgan32MakesRgbPortraitSizedImages() {
        ImageGan gan = new ImageGan(GanConfig.dcgan(GanArch.DCGAN32, 100), 3, List.of(), 7);
        assertArrayEquals(new long[] {100, 4096}, gan.parameters().parameters().get("g_fc_w").shape());
        assertArrayEquals(new long[] {4096, 1}, gan.parameters().parameters().get("d_fc_w").shape());
        Image im = gan.sample(2, OptionalInt.empty(), new SplittableRandom(1)).get(0);
        assertEquals(3, im.channels());
        assertEquals(32, im.width());
    }
}
