package org.atelier.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.atelier.datasets.fashion.FashionMnist;
import org.junit.jupiter.api.Test;

/** Sample grids of a dataset, random or one captioned block per slice value. */
class DatasetGridsTest {
    @Test
    void gridsAreLegibleAndDrawnBySeed() {
        ImageDataset fashion = FashionMnist.embeddedTest();
        assertEquals(3, DatasetGrids.scaleFor(fashion), "28 px images drawn at 3x");
        BufferedImage a = DatasetGrids.random(fashion, 8, 4, 1);
        BufferedImage b = DatasetGrids.random(fashion, 8, 4, 1);
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getRGB(a.getWidth() / 3, a.getHeight() / 3), b.getRGB(b.getWidth() / 3, b.getHeight() / 3),
                "same seed, same samples");
        BufferedImage byClass = DatasetGrids.byColumn(fashion, Slices.CLASS, 2, 0);
        assertTrue(byClass.getHeight() > 10 * 28 * 3, "one captioned block per class: " + byClass.getHeight());
    }
}
