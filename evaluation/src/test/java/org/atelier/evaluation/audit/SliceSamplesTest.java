package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.datasets.DatasetCatalog;
import org.atelier.datasets.ImageDataset;
import org.junit.jupiter.api.Test;

class SliceSamplesTest {
    private static final int WHITE = 0xffffff;
    private static final int BLACK = 0x000000;
    private static final int BACKGROUND = 0x282828;

    @Test
    void oneCaptionedBlockPerSliceInOrderCappedAtPerSlice() {
        Image white = flat(1f);
        Image black = flat(-1f);
        // slice b comes first and has three images, of which two are shown; a's block comes first
        BufferedImage g = SliceSamples.grid(List.of(black, white, black, black), List.of("b", "a", "b", "b"), 2, "read as ");
        // 4-pixel images shown ×2 in 10-pixel cells (2-pixel gaps), a 16-pixel caption over each block
        assertEquals(2 + 2 * (16 + 10), g.getHeight());
        assertEquals(WHITE, g.getRGB(3, 2 + 16 + 1) & 0xffffff, "block a holds the white image");
        assertEquals(BLACK, g.getRGB(3, 2 + 26 + 16 + 1) & 0xffffff, "block b holds black images");
        assertEquals(BLACK, g.getRGB(2 + 10 + 1, 2 + 26 + 16 + 1) & 0xffffff, "b's second image");
        assertEquals(BACKGROUND, g.getRGB(2 + 20 + 1, 2 + 26 + 16 + 1) & 0xffffff, "no third image: capped at 2");
    }

    @Test
    void aDatasetGridHasOneBlockPerValue() {
        ImageDataset ds = DatasetCatalog.open("portraits-32?skin_group=light:0.8,medium:0.1,dark:0.1&n=60&seed=3", 32);
        BufferedImage g = SliceSamples.grid(ds, "skin_group", 4);
        // three values, each one line of 64-pixel cells under a caption
        assertEquals(2 + 3 * (16 + 66), g.getHeight());
    }

    @Test
    void refusesMisalignedInput() {
        assertThrows(InvalidInputException.class, () -> SliceSamples.grid(List.of(flat(0f)), List.of("a", "b"), 2, ""));
    }

    private static Image flat(float v) {
        float[] p = new float[3 * 4 * 4];
        Arrays.fill(p, v);
        return new Image(3, 4, 4, p);
    }
}
