package org.atelier.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.atelier.evaluation.fidelity.FidelityReport;
import org.atelier.evaluation.fidelity.ImageScores;
import org.atelier.evaluation.fidelity.Region;
import org.atelier.evaluation.fidelity.RegionScores;
import org.junit.jupiter.api.Test;

/** The inpainting table's PSNR cell: an exact fill (PSNR +∞) no longer turns the mean into ∞. */
class PsnrCellTest {
    private static ImageScores hole(String name, double psnr) {
        return new ImageScores(name, 1, 0.1, Map.of(Region.HOLE, new RegionScores(psnr, 1, 0, 0, Double.NaN, 10)));
    }

    @Test
    void anExactFillIsLeftOutOfTheMeanAndCounted() {
        FidelityReport r = FidelityReport.of(false, 4, "none",
                List.of(hole("a", 20), hole("b", 30), hole("c", Double.POSITIVE_INFINITY)));
        assertEquals("25.000 ± 5.000 (1 exact, left out)", CompareReport.psnr(r, Region.HOLE));
        assertEquals("25.000 ± 5.000", CompareReport.psnr(FidelityReport.of(false, 4, "none",
                List.of(hole("a", 20), hole("b", 30))), Region.HOLE));
        assertEquals("∞", CompareReport.psnr(FidelityReport.of(false, 4, "none",
                List.of(hole("c", Double.POSITIVE_INFINITY))), Region.HOLE));
        assertEquals("—", CompareReport.psnr(r, Region.BAND), "no band scored");
    }
}
