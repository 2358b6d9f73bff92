package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.datasets.DatasetCatalog;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Slices;
import org.junit.jupiter.api.Test;

class DatasetAuditTest {
    @Test
    void goodnessOfFitEqualsScipy() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("a", 70);
        counts.put("b", 20);
        counts.put("c", 10);
        ShareComparison c = ShareComparison.of(counts, Map.of("a", 0.5, "b", 0.25, "c", 0.25), 0.95);
        // evaluation/src/test/python/slice_test_vectors.py: chisquare([70, 20, 10], f_exp=[50, 25, 25])
        assertEquals(0.00012340980408667962, c.pValue(), 1e-12);
        assertEquals(2, c.degreesOfFreedom());
        assertEquals(18.0, c.chiSquare(), 1e-12); // 400/50 + 25/25 + 225/25
        assertEquals(0.2, c.totalVariation(), 1e-12); // (0.2 + 0.05 + 0.15) / 2
        assertEquals(1.4, c.rows().get("a").ratio(), 1e-12);
        assertEquals(0.4, c.rows().get("c").ratio(), 1e-12);
    }

    @Test
    void aSliceImpossibleUnderTheReferenceGivesPZero() {
        ShareComparison c = ShareComparison.of(Map.of("a", 5, "b", 5, "c", 1),
                ReferenceShares.parse("a:1,b:1", List.of("a", "b", "c")), 0.95);
        assertEquals(0.0, c.pValue());
        assertEquals(0.0, c.rows().get("c").reference());
        assertTrue(Double.isNaN(c.rows().get("c").ratio()));
        assertEquals(1, c.degreesOfFreedom());
    }

    @Test
    void skewedPortraitsAreFoundSkewedAgainstUniformAndFitTheirOwnShares() {
        ImageDataset ds = DatasetCatalog.open("portraits-32?skin_group=light:0.8,medium:0.1,dark:0.1&n=600&seed=3", 32);
        DatasetAudit uniform = DatasetAudit.of(ds, List.of("skin_group"), null, 0.95);
        assertEquals(List.of("dark", "light", "medium"), List.copyOf(uniform.shares().rows().keySet()));
        assertTrue(uniform.shares().pValue() < 1e-10, "p = " + uniform.shares().pValue());
        ShareComparison.Row light = uniform.shares().rows().get("light");
        assertTrue(light.ciLow() < 0.8 && 0.8 < light.ciHigh(), light.toString());
        assertEquals(Slices.counts(ds, "skin_group").get("light"), light.count());
        DatasetAudit own = DatasetAudit.of(ds, List.of("skin_group"), "light:0.8,medium:0.1,dark:0.1", 0.95);
        assertTrue(own.shares().pValue() > 0.01, "p = " + own.shares().pValue());
    }

    @Test
    void intersectionsListEveryCombinationEvenUnseen() {
        // three portraits cannot fill four intersections: the first seed whose three show both
        // skin groups and both ages leaves one intersection empty
        for (long seed = 0; ; seed++) {
            ImageDataset ds = DatasetCatalog.open("portraits-32?skin_group=light:1,dark:1&age=old:1,young:1&n=3&seed="
                    + seed, 32);
            if (Slices.counts(ds, "skin_group").size() < 2 || Slices.counts(ds, "age").size() < 2) {
                continue;
            }
            DatasetAudit a = DatasetAudit.of(ds, List.of("skin_group", "age"), null, 0.95);
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                seen.merge(ds.attributesOf(i).get("skin_group") + " × " + ds.attributesOf(i).get("age"), 1, Integer::sum);
            }
            assertEquals(List.of("dark × old", "dark × young", "light × old", "light × young"),
                    List.copyOf(a.shares().rows().keySet()), "values seen: " + seen);
            a.shares().rows().forEach((k, r) -> assertEquals(seen.getOrDefault(k, 0), r.count(), k));
            assertTrue(a.shares().rows().values().stream().anyMatch(r -> r.count() == 0));
            assertEquals(0.25, a.shares().rows().get("dark × old").reference(), 1e-12);
            assertThrows(InvalidSettingException.class, () -> DatasetAudit.of(ds, List.of("skin_group"), "pink:1", 0.95));
            return;
        }
    }
}
