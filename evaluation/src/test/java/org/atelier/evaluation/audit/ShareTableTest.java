package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shares with Wilson intervals, against statsmodels' proportion_confint(method="wilson"). */
class ShareTableTest {
    /** count, n, low, high as evaluation/src/test/python/wilson_vectors.py prints them (statsmodels 0.13.5). */
    private static final double[][] STATSMODELS = {
        {8, 16, 0.279995636103, 0.720004363897},
        {0, 10, 0.000000000000, 0.277532799863},
        {10, 10, 0.722467200137, 1.000000000000},
        {240, 300, 0.751071076232, 0.841343141033},
    };

    @Test
    void intervalsMatchStatsmodels() {
        for (double[] v : STATSMODELS) {
            ShareTable.Share s = ShareTable.share("x", (int) v[0], (int) v[1]);
            assertEquals(v[0] / v[1], s.share(), 1e-15);
            assertEquals(v[2], s.ciLow(), 1e-9, "low of " + v[0] + "/" + v[1]);
            assertEquals(v[3], s.ciHigh(), 1e-9, "high of " + v[0] + "/" + v[1]);
        }
    }

    @Test
    void aTableKeepsTheOrderOfItsCountsAndWritesJsonInThatOrder() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("light", 240);
        counts.put("medium", 30);
        counts.put("dark", 30);
        ShareTable t = ShareTable.of("skin_group", counts, 300);
        assertEquals(List.of("light", "medium", "dark"), t.rows().stream().map(ShareTable.Share::value).toList());
        assertEquals(List.of("light", "medium", "dark"), List.copyOf(t.toJson().keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> light = (Map<String, Object>) t.toJson().get("light");
        assertEquals(List.of("count", "share", "ci95"), List.copyOf(light.keySet()), "a stable key order in results.json");
    }
}
