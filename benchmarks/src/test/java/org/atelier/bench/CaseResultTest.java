package org.atelier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseResultTest {
    private static CaseResult result(Map<String, Object> ours, Map<String, Object> theirs) {
        Timing a = new Timing(List.of(2.0, 4.0, 3.0));
        Timing p = new Timing(List.of(1.0, 1.5, 2.0));
        return new CaseResult("x", "x", 6e9, a, a, 100, ours, p, new Timing(List.of(0.5)), 50, theirs, null);
    }

    @Test
    void ratiosAndGflops() {
        CaseResult c = result(Map.of(), Map.of());
        assertEquals(3.0 / 1.5, c.ratio(), 1e-12);
        assertEquals(3.0 / 0.5, c.cpuRatio(), 1e-12);
        assertEquals(2.0, CaseResult.gflops(6e9, c.atelier()), 1e-12);
        assertTrue(Double.isNaN(CaseResult.gflops(0, c.atelier())));
    }

    @Test
    void sameShapesAgreeAcrossJsonNumberTypes() {
        CaseResult same = result(Map.of("params", 805_985L, "forward_macs", Map.of("unet", 8_853_200_896L)),
                Map.of("params", 805_985, "forward_macs", Map.of("unet", 8_853_200_896L)));
        assertEquals(List.of(), same.mismatches());
        CaseResult other = result(Map.of("params", 805_985L), Map.of("params", 805_984));
        assertEquals(1, other.mismatches().size());
        assertTrue(other.mismatches().get(0).startsWith("params"), other.mismatches().toString());
    }

    @Test
    void metricValuesAgreeToARelativeTenThousandth() {
        assertEquals(List.of(), result(Map.of("value", 1.3302669), Map.of("value", 1.33026689)).mismatches());
        assertEquals(1, result(Map.of("value", 1.33), Map.of("value", 1.34)).mismatches().size());
        assertEquals(1, result(Map.of("value", 1.33), Map.of()).mismatches().size(), "a missing value disagrees");
    }
}
