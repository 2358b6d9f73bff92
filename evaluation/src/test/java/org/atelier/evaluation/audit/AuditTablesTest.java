package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTablesTest {
    private static final SliceOptions O = SliceOptions.defaults(2).withBootstrap(200);

    @Test
    void accuracyBySliceCountsCorrectReadingsPerTrueValue() {
        SliceFrame f = AuditClassifier.accuracyBySlice("g", List.of("a", "a", "a", "b", "b"),
                List.of("a", "a", "b", "b", "b"), O.withMinSize(1));
        assertEquals(2 / 3.0, f.slices().get("a").value(), 1e-12);
        assertEquals(1.0, f.slices().get("b").value(), 1e-12);
        assertEquals(0.8, f.overall().value(), 1e-12);
        assertEquals(SliceOptions.Measure.SHARE, f.measure());
    }

    @Test
    void confusionTableHasOneRowPerTrueValue() {
        Map<String, Map<String, Integer>> m = new java.util.LinkedHashMap<>();
        m.put("dark", new java.util.LinkedHashMap<>(Map.of("dark", 9)));
        m.get("dark").put("light", 1);
        m.put("light", new java.util.LinkedHashMap<>(Map.of("dark", 0)));
        m.get("light").put("light", 10);
        AuditClassifier c = new AuditClassifier(null, null, "labelled", 20, 20, List.of(), List.of(), 0.95, m);
        List<String> lines = AuditTables.confusion(c).lines().toList();
        assertEquals(List.of("true", "\\", "read", "dark", "light"), List.of(lines.get(0).trim().split(" +")));
        assertEquals(List.of("dark", "9", "1"), List.of(lines.get(1).trim().split(" +")));
        assertEquals(List.of("light", "0", "10"), List.of(lines.get(2).trim().split(" +")));
        assertEquals("held-out accuracy 95.0 % of 20 images (Tribuo)", lines.get(3));
    }

    @Test
    void representationTableListsEveryValueWithSharesAndFactors() {
        List<String> truth = List.of("a", "a", "b", "b");
        RepresentationAudit r = RepresentationAudit.of("g", List.of("a", "b"), Map.of("a", 0.5, "b", 0.5), truth, truth,
                List.of("a", "a", "a", "b"), O);
        String t = AuditTables.of(r);
        assertTrue(t.startsWith("g of 4 generated samples"), t);
        // a: read in 3 of 4 against 50 %: share 75 %, factor 1.5, raw and (with a perfect classifier) corrected
        String rowA = t.lines().filter(l -> l.startsWith("a ")).findFirst().orElseThrow();
        assertTrue(rowA.contains("50.0 %") && rowA.contains("75.0 % [") && rowA.contains("1.50 ["), rowA);
        assertTrue(t.lines().anyMatch(l -> l.startsWith("b ") && l.contains("25.0 % [")), t);
        assertTrue(t.contains("chi-squared 1.000 on 1 df, p = 0.317"), t); // scipy chisquare([3, 1]): p 0.3173
    }
}
