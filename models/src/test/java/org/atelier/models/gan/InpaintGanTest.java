package org.atelier.models.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.image.Image;
import org.atelier.datasets.masks.Mask;
import org.atelier.datasets.masks.MaskKinds;
import org.atelier.models.common.NdImages;
import org.junit.jupiter.api.Test;

class InpaintGanTest {
    @Test
    void fillsOnlyTheHoleAndTrains() {
        GanConfig cfg = new GanConfig(GanFamily.GAN_INPAINT, GanArch.TINY28, null, null, null, null, null, null, "thick", null, null);
        assertEquals(0.999, cfg.recWeight());
        InpaintGan gan = new InpaintGan(cfg, 1, MaskKinds.parse("thick"), 5);
        Image img = NdImages.unstack(ImageGanTest.batch(1, 1, 28, 9).images()).get(0);
        Mask mask = MaskKinds.parse("center-box").generate(28, 28, new SplittableRandom(1));
        Image before = gan.inpaint(img, mask, new SplittableRandom(1));
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (!mask.isHole(y, x)) {
                    assertEquals(img.get(0, y, x), before.get(0, y, x), 0.0, "known pixel changed at " + x + "," + y);
                }
            }
        }
        Map<String, Double> first = null;
        Map<String, Double> last = null;
        for (int s = 0; s < 3; s++) {
            last = gan.step(ImageGanTest.batch(8, 1, 28, s), new SgdContext(gan.parameters(), 0.05, s));
            first = first == null ? last : first;
        }
        assertTrue(last.keySet().containsAll(List.of("d_loss", "g_loss", "l1_hole", "g_adv")), last.toString());
        assertNotEquals(first.get("l1_hole"), last.get("l1_hole"));
        Image after = gan.inpaint(img, mask, new SplittableRandom(1));
        assertNotEquals(before, after);
        assertEquals(48, gan.preview(ImageGanTest.batch(16, 1, 28, 1), 3).size());
        Mask wrong = Mask.empty(14, 14);
        assertThrows(IllegalArgumentException.class, () -> gan.inpaint(img, wrong, new SplittableRandom(1)));
    }

    @Test
    void conditionalGanDrawsTheAskedClass() {
        GanConfig cfg = new GanConfig(GanFamily.CGAN, GanArch.TINY28, 8, null, null, null, null, null, null, null, null);
        ImageGan gan = new ImageGan(cfg, 1, List.of("a", "b", "c"), 2);
        assertEquals(List.of("a", "b", "c"), gan.conditions());
        assertEquals(3, gan.previewColumns(9));
        assertTrue(gan.parameters().parameters().containsKey("d_embed"));
        Map<String, Double> l = gan.step(ImageGanTest.batch(6, 1, 28, 2), new SgdContext(gan.parameters(), 0.01, 0));
        assertTrue(Double.isFinite(l.get("d_loss")));
        List<Image> a = gan.sample(2, java.util.OptionalInt.of(0), new SplittableRandom(4));
        List<Image> b = gan.sample(2, java.util.OptionalInt.of(1), new SplittableRandom(4));
        assertNotEquals(a.get(0), b.get(0)); // same noise, different class, different image
        assertThrows(IllegalArgumentException.class, () -> gan.sample(1, java.util.OptionalInt.of(3), new SplittableRandom(1)));
    }
}
