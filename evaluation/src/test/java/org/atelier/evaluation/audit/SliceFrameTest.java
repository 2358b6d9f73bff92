package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.evaluation.stats.MultipleTesting;
import org.junit.jupiter.api.Test;

class SliceFrameTest {
    // Fairlearn's MetricFrame example: five "F" then five "M"
    private static final int[] Y_TRUE = {1, 1, 1, 1, 1, 0, 0, 1, 1, 0};
    private static final int[] Y_PRED = {0, 1, 1, 1, 1, 0, 0, 0, 1, 1};

    private static List<Map<String, String>> sexes() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(Map.of("sex", i < 5 ? "F" : "M"));
        }
        return rows;
    }

    private static SliceOptions small(long seed) {
        return SliceOptions.defaults(seed).withMinSize(1);
    }

    @Test
    void fairlearnSelectionRateAndAccuracy() {
        double[] selected = new double[10];
        double[] correct = new double[10];
        for (int i = 0; i < 10; i++) {
            selected[i] = Y_PRED[i];
            correct[i] = Y_PRED[i] == Y_TRUE[i] ? 1 : 0;
        }
        SliceFrame sel = SliceFrame.of("selection_rate", selected, sexes(), List.of("sex"), small(0));
        assertEquals(SliceOptions.Measure.SHARE, sel.measure());
        assertEquals(0.8, sel.slices().get("F").value(), 1e-12);
        assertEquals(0.4, sel.slices().get("M").value(), 1e-12);
        assertEquals(0.6, sel.overall().value(), 1e-12);
        assertEquals(0.4, sel.summary().differenceBetweenGroups(), 1e-12);
        assertEquals(0.5, sel.summary().ratioBetweenGroups(), 1e-12);
        assertEquals("M", sel.summary().minSlice());
        assertEquals("F", sel.summary().maxSlice());
        // to_overall: max |0.8 − 0.6|, |0.4 − 0.6| and min of 0.6/0.8, 0.4/0.6
        assertEquals(0.2, sel.summary().differenceToOverall(), 1e-12);
        assertEquals(0.4 / 0.6, sel.summary().ratioToOverall(), 1e-12);

        SliceFrame acc = SliceFrame.of("accuracy", correct, sexes(), List.of("sex"), small(0));
        assertEquals(0.8, acc.slices().get("F").value(), 1e-12);
        assertEquals(0.6, acc.slices().get("M").value(), 1e-12);
        assertEquals(0.2, acc.summary().differenceBetweenGroups(), 1e-12);
        assertEquals(0.75, acc.summary().ratioBetweenGroups(), 1e-12);
    }

    @Test
    void perSliceDifferenceAndRatioFollowTheReference() {
        double[] selected = new double[10];
        for (int i = 0; i < 10; i++) {
            selected[i] = Y_PRED[i];
        }
        SliceFrame toM = SliceFrame.of("selected", selected, sexes(), List.of("sex"),
                small(0).withReference(new SliceOptions.Reference("M")));
        assertEquals(0.4, toM.slices().get("F").difference(), 1e-12);
        assertEquals(2.0, toM.slices().get("F").ratio(), 1e-12);
        assertTrue(toM.slices().get("F").disparity());
        assertEquals(0.0, toM.slices().get("M").difference(), 1e-12);
        assertFalse(toM.slices().get("M").disparity());
        assertTrue(Double.isNaN(toM.slices().get("M").pValue()), "the reference is not tested against itself");

        SliceFrame toOverall = SliceFrame.of("selected", selected, sexes(), List.of("sex"), small(0));
        assertEquals(0.8 / 0.6, toOverall.slices().get("F").ratio(), 1e-12);
        assertEquals(-0.2, toOverall.slices().get("M").difference(), 1e-12);
        assertTrue(toOverall.slices().get("F").disparity()); // 1.33 > 1.25
        assertTrue(toOverall.slices().get("M").disparity()); // 0.67 < 0.8
        SliceFrame wide = SliceFrame.of("selected", selected, sexes(), List.of("sex"), small(0).withDisparity(0.6, 1.4));
        assertFalse(wide.slices().get("F").disparity());
        assertFalse(wide.slices().get("M").disparity());
    }

    @Test
    void testsEqualScipy() {
        // evaluation/src/test/python/slice_test_vectors.py (scipy 1.10.1, statsmodels 0.13.5)
        double[] a = {2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 4.9};
        double[] b = {1.2, 0.7, 2.05, 1.5, 3.1, 0.4, 1.1};
        double[] values = new double[a.length + b.length];
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            values[i] = i < a.length ? a[i] : b[i - a.length];
            rows.add(Map.of("g", i < a.length ? "a" : "b"));
        }
        SliceOptions toB = small(1).withReference(new SliceOptions.Reference("b"));
        SliceFrame mw = SliceFrame.of("x", values, rows, List.of("g"), toB);
        assertEquals(SliceOptions.Measure.MEAN, mw.measure());
        assertEquals(0.005478553242547366, mw.slices().get("a").pValue(), 1e-12);
        SliceFrame welch = SliceFrame.of("x", values, rows, List.of("g"),
                toB.withTests(SliceOptions.ValueTest.WELCH, MultipleTesting.Method.HOLM));
        assertEquals(0.0031728072958915722, welch.slices().get("a").pValue(), 1e-10);

        // 8 of 10 against 4 of 10
        double[] shares = new double[20];
        List<Map<String, String>> srows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shares[i] = i < 10 ? (i < 8 ? 1 : 0) : (i < 14 ? 1 : 0);
            srows.add(Map.of("g", i < 10 ? "a" : "b"));
        }
        SliceFrame chi = SliceFrame.of("s", shares, srows, List.of("g"),
                small(1).withReference(new SliceOptions.Reference("b")));
        assertEquals(0.06788915486182878, chi.slices().get("a").pValue(), 1e-12);
    }

    @Test
    void shareIntervalsAreWilsonAsStatsmodels() {
        double[] v = new double[50];
        for (int i = 0; i < 4; i++) {
            v[i] = 1;
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(Map.of("g", "only"));
        }
        SliceStats s = SliceFrame.of("s", v, rows, List.of("g"), small(0)).slices().get("only");
        assertEquals(0.03154951408859295, s.ciLow(), 1e-12);
        assertEquals(0.18838246918342838, s.ciHigh(), 1e-12);
    }

    @Test
    void adjustedPValuesAreTheFramesFamily() {
        // three slices with different means, each against the rest: Holm over three p-values
        double[] values = new double[90];
        List<Map<String, String>> rows = new ArrayList<>();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int i = 0; i < 90; i++) {
            int g = i / 30;
            values[i] = g * 0.3 + rng.nextDouble();
            rows.add(Map.of("g", "s" + g));
        }
        SliceFrame f = SliceFrame.of("x", values, rows, List.of("g"), SliceOptions.defaults(3).withBootstrap(200));
        double[] p = f.slices().values().stream().mapToDouble(SliceStats::pValue).toArray();
        double[] holm = MultipleTesting.adjust(p, MultipleTesting.Method.HOLM);
        int k = 0;
        for (SliceStats s : f.slices().values()) {
            assertEquals(holm[k++], s.pAdjusted(), 0);
            assertTrue(s.pAdjusted() >= s.pValue());
        }
        SliceFrame bh = SliceFrame.of("x", values, rows, List.of("g"), SliceOptions.defaults(3).withBootstrap(200)
                .withTests(SliceOptions.ValueTest.MANN_WHITNEY, MultipleTesting.Method.BENJAMINI_HOCHBERG));
        double[] expected = MultipleTesting.adjust(p, MultipleTesting.Method.BENJAMINI_HOCHBERG);
        k = 0;
        for (SliceStats s : bh.slices().values()) {
            assertEquals(expected[k++], s.pAdjusted(), 0);
        }
    }

    @Test
    void intersectionsAndTooSmallSlicesAreListedNotEstimated() {
        double[] values = new double[25];
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            values[i] = i % 3;
            // 12 dark/old, 10 light/old, 3 light/young
            String skin = i < 12 ? "dark" : "light";
            String age = i < 22 ? "old" : "young";
            rows.add(Map.of("skin", skin, "age", age, "other", "x"));
        }
        SliceFrame f = SliceFrame.of("x", values, rows, List.of("skin", "age"),
                SliceOptions.defaults(0).withMinSize(5).withBootstrap(100));
        assertEquals(List.of("dark × old", "light × old", "light × young"), List.copyOf(f.slices().keySet()));
        SliceStats tiny = f.slices().get("light × young");
        assertEquals(3, tiny.n());
        assertTrue(tiny.tooSmall());
        assertTrue(Double.isNaN(tiny.value()) && Double.isNaN(tiny.ciLow()) && Double.isNaN(tiny.pValue()));
        assertFalse(tiny.disparity());
        assertEquals(Map.of("skin", "light", "age", "young"), tiny.values());
        assertEquals(2, f.estimated().size());
        assertTrue(f.summary().minSlice() != null && !f.summary().minSlice().equals("light × young"));
        Map<String, Object> json = tiny.toJson();
        assertNull(json.get("mean"));
        assertEquals(true, json.get("too_small"));
        assertEquals(12, f.slices().get("dark × old").n());
    }

    @Test
    void oneSliceStillGivesAMapAndNoSliceLargeEnoughGivesEmptySummary() {
        double[] values = {1.0, 2.0, 3.0};
        List<Map<String, String>> rows = List.of(Map.of("g", "a"), Map.of("g", "a"), Map.of("g", "a"));
        SliceFrame f = SliceFrame.of("x", values, rows, List.of("g"), SliceOptions.defaults(0));
        assertEquals(1, f.slices().size());
        assertTrue(f.slices().get("a").tooSmall());
        assertNull(f.summary().minSlice());
        assertEquals(2.0, f.overall().value(), 1e-12);
    }

    @Test
    void badInputIsNamed() {
        List<Map<String, String>> rows = List.of(Map.of("g", "a"), Map.of("h", "b"));
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> SliceFrame.of("x", new double[]{1, 2}, rows, List.of("g"), small(0)));
        assertTrue(missing.getMessage().contains("row 2") && missing.getMessage().contains("'g'"), missing.getMessage());
        List<Map<String, String>> ok = List.of(Map.of("g", "a"), Map.of("g", "b"));
        assertThrows(InvalidInputException.class, () -> SliceFrame.of("x", new double[]{1}, ok, List.of("g"), small(0)));
        assertThrows(InvalidInputException.class,
                () -> SliceFrame.of("x", new double[]{1, Double.NaN}, ok, List.of("g"), small(0)));
        assertThrows(InvalidInputException.class, () -> SliceFrame.of("x", new double[]{1, 0.5}, ok, List.of("g"),
                small(0).withMeasure(SliceOptions.Measure.SHARE)));
        InvalidSettingException ref = assertThrows(InvalidSettingException.class, () -> SliceFrame.of("x",
                new double[]{1, 0}, ok, List.of("g"), small(0).withReference(new SliceOptions.Reference("zzz"))));
        assertTrue(ref.getMessage().contains("zzz") && ref.getMessage().contains("a, b"), ref.getMessage());
        assertThrows(InvalidSettingException.class, () -> SliceOptions.defaults(0).withBootstrap(10));
    }

    @Test
    void sameSeedSameIntervalsOtherSeedOtherIntervals() {
        double[] values = new double[40];
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            values[i] = Math.sin(i) * 3;
            rows.add(Map.of("g", i % 2 == 0 ? "a" : "b"));
        }
        SliceOptions o = SliceOptions.defaults(11).withBootstrap(300);
        SliceStats one = SliceFrame.of("x", values, rows, List.of("g"), o).slices().get("a");
        SliceStats two = SliceFrame.of("x", values, rows, List.of("g"), o).slices().get("a");
        assertEquals(one, two);
        SliceStats other = SliceFrame.of("x", values, rows, List.of("g"), SliceOptions.defaults(12).withBootstrap(300))
                .slices().get("a");
        assertTrue(one.ciLow() != other.ciLow() || one.ciHigh() != other.ciHigh());
        assertTrue(one.ciLow() < one.value() && one.value() < one.ciHigh());
    }
}
