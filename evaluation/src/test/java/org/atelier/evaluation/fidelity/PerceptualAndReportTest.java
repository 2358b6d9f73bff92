package org.atelier.evaluation.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.datasets.masks.Mask;
import org.atelier.models.features.FeatureMap;
import org.atelier.models.features.PerceptualNetwork;
import org.junit.jupiter.api.Test;

class PerceptualAndReportTest {

    /** A stand-in network: layer 1 = (pixel, 1) per position at full size, layer 2 = 2x2 averages of the pixel. */
    static final PerceptualNetwork TOY = new PerceptualNetwork() {
        @Override
        public String id() {
            return "toy";
        }

        @Override
        public List<FeatureMap> layers(Image image) {
            int h = image.height();
            int w = image.width();
            float[] l1 = new float[2 * h * w];
            for (int i = 0; i < h * w; i++) {
                l1[i] = image.pixels()[i];
                l1[h * w + i] = 1f;
            }
            float[] l2 = new float[(h / 2) * (w / 2)];
            for (int y = 0; y < h / 2; y++) {
                for (int x = 0; x < w / 2; x++) {
                    l2[y * (w / 2) + x] = (image.get(0, 2 * y, 2 * x) + image.get(0, 2 * y + 1, 2 * x)
                            + image.get(0, 2 * y, 2 * x + 1) + image.get(0, 2 * y + 1, 2 * x + 1)) / 4 + 2f;
                }
            }
            return List.of(new FeatureMap("l1", 2, h, w, l1), new FeatureMap("l2", 1, h / 2, w / 2, l2));
        }
    };

    @Test
    void followsTheLpipsRecipeOnAHandComputedCase() {
        Image a = Image.blank(1, 4, 4, 0f);
        Image b = Image.blank(1, 4, 4, 0f);
        b.set(0, 0, 0, 1f); // one changed pixel
        List<FeatureMap> fa = TOY.layers(a);
        List<FeatureMap> fb = TOY.layers(b);
        // layer 1 at the changed pixel: (0,1) vs (1,1)/sqrt2 -> squared distance 2 - sqrt2; elsewhere 0; mean over 16
        // layer 2: one channel, unit-normalised values are all 1 -> 0
        double expected = (2 - Math.sqrt(2)) / 16;
        assertEquals(expected, PerceptualDistance.distance(fa, fb, null, 4, 4), 1e-9);
        boolean[] corner = new boolean[16];
        corner[0] = true;
        assertEquals(2 - Math.sqrt(2), PerceptualDistance.distance(fa, fb, corner, 4, 4), 1e-9);
        assertEquals(0.0, PerceptualDistance.distance(fa, fa, null, 4, 4), 0.0);
    }

    @Test
    void maskedCellsCoverEveryRegionPixel() {
        boolean[] region = new boolean[28 * 28];
        region[27 * 28 + 27] = true;
        boolean[] cells = PerceptualDistance.cellsInRegion(region, 28, 28, 7, 7);
        assertTrue(cells[48]);
        assertEquals(1, RegionMasks.count(cells));
    }

    @Test
    void areaBinsFollowLamasTenEqualBins() {
        assertEquals(0, FidelityReport.binOf(0.0));
        assertEquals(0, FidelityReport.binOf(0.099));
        assertEquals(1, FidelityReport.binOf(0.1));
        assertEquals(9, FidelityReport.binOf(0.95));
        assertEquals(9, FidelityReport.binOf(1.0));
        List<ImageScores> images = new ArrayList<>();
        InpaintingScorer scorer = new InpaintingScorer(1, false, TOY);
        Image ref = Image.blank(1, 10, 10, 0f);
        for (int holes : new int[] {5, 15, 17, 100}) {
            boolean[] hole = new boolean[100];
            for (int i = 0; i < holes; i++) {
                hole[i] = true;
            }
            images.add(scorer.score("img" + holes, ref, Image.blank(1, 10, 10, 0.5f), new Mask(10, 10, hole)));
        }
        FidelityReport report = FidelityReport.of(false, 1, "toy", images);
        assertEquals(10, report.bins().size());
        assertEquals("10-20%", report.bins().get(1).name());
        assertEquals(2, report.bins().get(1).images());
        assertEquals(1, report.bins().get(9).images());
        assertEquals(0, report.bins().get(5).images());
        assertEquals(4, report.overall().get(Region.HOLE).get("mse").count());
        // the full-image hole has an empty band: it is skipped, not averaged in as 0
        assertEquals(3, report.overall().get(Region.BAND).get("psnr").count());
        Map<String, Object> json = report.toJson();
        assertTrue(json.containsKey("by_hole_area") && json.containsKey("per_image") && json.containsKey("composited"));
    }
}
