package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.evaluation.stats.Bootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceAuditTest {
    @Test
    void sharesAreTheShareTableAndTheMeanIntervalAgreesWithTheMultinomialBootstrap(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("s.csv");
        StringBuilder sb = new StringBuilder("group,score\n");
        SplittableRandom rng = new SplittableRandom(2);
        List<Double> a = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            boolean isA = rng.nextInt(3) > 0;
            double v = (isA ? 10 : 12) + rng.nextGaussian();
            if (isA) {
                a.add(v);
            }
            sb.append(isA ? "a" : "b").append(',').append(v).append('\n');
        }
        Files.writeString(csv, sb);
        Map<String, Object> json = SliceAudit.of(csv, new SliceAudit.Options("group", "score", 2000, 1)).toJson();
        int nA = a.size();
        assertEquals(ShareTable.of("group", new java.util.LinkedHashMap<>(Map.of("a", nA, "b", 3000 - nA)), 3000).toJson(),
                json.get("shares"));
        Map<?, ?> meanA = (Map<?, ?>) ((Map<?, ?>) json.get("means")).get("a");
        double[] values = a.stream().mapToDouble(Double::doubleValue).toArray();
        assertEquals(java.util.Arrays.stream(values).sum() / nA, (Double) meanA.get("mean"), 1e-12);
        Bootstrap.Interval multinomial = Bootstrap.percentile(Bootstrap.means(values, 2000, 1), 0.95);
        List<?> ci = (List<?>) meanA.get("ci95");
        double width = multinomial.high() - multinomial.low();
        // two bootstraps of the same mean: the same interval up to Monte Carlo noise (a tenth of its width)
        assertEquals(multinomial.low(), (Double) ci.get(0), 0.1 * width);
        assertEquals(multinomial.high(), (Double) ci.get(1), 0.1 * width);
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThereAre(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, "group,score\na,1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SliceAudit.of(csv, new SliceAudit.Options("skin", null, 10, 0)));
        assertEquals(csv + ": no column 'skin' for --by; columns: group, score", e.getMessage());
        Files.writeString(csv, "group,score\na,x\n");
        e = assertThrows(InvalidInputException.class, () -> SliceAudit.of(csv, new SliceAudit.Options("group", "score", 10, 0)));
        assertTrue(e.getMessage().contains("line 2: score is 'x'; expected a finite number"), e.getMessage());
    }
}
