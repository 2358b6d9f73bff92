package org.atelier.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.atelier.evaluation.stats.Bootstrap;
import org.junit.jupiter.api.Test;

/** The best of a column is marked only where its interval is clear of all others. */
class SummaryTableTest {
    private static Bootstrap.Interval ci(double low, double high) {
        return new Bootstrap.Interval(low, high, 0.95, 100);
    }

    @Test
    void marksOnlyAClearlySeparatedBest() {
        assertEquals(0, SummaryTable.separatedBest(Arrays.asList(ci(1, 2), ci(3, 4), ci(5, 6)), false));
        assertEquals(-1, SummaryTable.separatedBest(Arrays.asList(ci(1, 3.5), ci(3, 4), ci(5, 6)), false),
                "the two lowest overlap: no best");
        assertEquals(2, SummaryTable.separatedBest(Arrays.asList(ci(1, 2), ci(3, 4), ci(5, 6)), true));
        assertEquals(-1, SummaryTable.separatedBest(Arrays.asList(ci(1, 2), null), false), "one interval is no contest");
        assertEquals(1, SummaryTable.separatedBest(Arrays.asList(null, ci(1, 2), ci(3, 4)), false));
    }
}
