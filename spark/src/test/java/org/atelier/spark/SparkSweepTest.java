package org.atelier.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.core.io.Json;
import org.atelier.experiments.compare.ModelScores;
import org.atelier.experiments.compare.SummaryTable;
import org.atelier.experiments.sweep.Sweep;
import org.atelier.experiments.sweep.SweepConfig;
import org.junit.jupiter.api.Test;

/** A tiny sweep of the committed conditional DDPM on local[2] against the same grid run in-process. */
class SparkSweepTest {
    private static final int SECONDS_COLUMN = SummaryTable.HEADER.indexOf("s / image");

    @Test
    void theSparkTableEqualsTheInProcessTableToTheLastBit() {
        String model = Path.of("..").toAbsolutePath().normalize().resolve("weights/ddpm-cond-fashion").toString();
        SweepConfig cfg = new SweepConfig("sweep-test", model, "target/sweep-test", 20, 20,
                new SweepConfig.Grid(List.of("ddim", "euler"), List.of(2), List.of(1.0, 3.0), List.of(0L)));

        List<ModelScores> here = Sweep.score(cfg, null, line -> { });
        List<ModelScores> spark = SparkSweep.score(TestSpark.local2(), cfg, cfg.points());

        assertEquals(4, spark.size());
        assertEquals(withoutTime(SummaryTable.rows(here)), withoutTime(SummaryTable.rows(spark)));
        for (int i = 0; i < here.size(); i++) {
            ModelScores h = here.get(i);
            ModelScores s = spark.get(i);
            assertEquals(cfg.points().get(i).label(), s.label(), "rows come back in grid order");
            // as printed: doubles in their shortest round-trip form, so equal text is equal bits
            assertEquals(Json.pretty(jsonWithoutTime(h)), Json.pretty(jsonWithoutTime(s)), h.label());
            assertNotNull(s.readback(), "the conditional model's samples are read back");
            for (int k = 0; k < h.grid().size(); k++) {
                assertArrayEquals(h.grid().get(k).pixels(), s.grid().get(k).pixels(), h.label() + " sample " + k);
            }
        }
        assertEquals(Double.doubleToLongBits(here.get(0).fid().fid()), Double.doubleToLongBits(spark.get(0).fid().fid()));
    }

    private static List<List<String>> withoutTime(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> copy = new ArrayList<>(r);
            copy.remove(SECONDS_COLUMN); // wall time: the one column that is measured, not computed
            out.add(copy);
        }
        return out;
    }

    private static Map<String, Object> jsonWithoutTime(ModelScores m) {
        Map<String, Object> json = m.toJson();
        json.remove("seconds_per_image");
        return json;
    }
}
