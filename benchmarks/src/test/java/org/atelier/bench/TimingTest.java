package org.atelier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingTest {
    @Test
    void medianAndQuartilesInterpolateLikeNumpy() {
        // numpy.percentile([4, 1, 3, 2, 10], [0, 25, 50, 75, 100]) = 1, 2, 3, 4, 10
        Timing t = new Timing(List.of(4.0, 1.0, 3.0, 2.0, 10.0));
        assertEquals(3.0, t.median(), 0);
        assertEquals(1.0, t.min(), 0);
        assertEquals(10.0, t.max(), 0);
        assertEquals(2.0, t.q1(), 0);
        assertEquals(4.0, t.q3(), 0);
        assertEquals(5, t.count());
        assertEquals((4.0 - 2.0) / 3.0, t.relativeSpread(), 1e-15);
        // an even count: the median is halfway, quartiles at positions 0.75 and 2.25
        Timing even = new Timing(List.of(1.0, 2.0, 3.0, 5.0));
        assertEquals(2.5, even.median(), 0);
        assertEquals(1.75, even.q1(), 1e-15);
        assertEquals(3.5, even.q3(), 1e-15);
        assertEquals(List.of(1.0, 2.0, 3.0, 5.0), even.seconds(), "runs keep their order");
    }

    @Test
    void oneRunIsItsOwnSpread() {
        Timing t = new Timing(List.of(0.25));
        assertEquals(0.25, t.median(), 0);
        assertEquals(0.25, t.q1(), 0);
        assertEquals(0.0, t.relativeSpread(), 0);
    }

    @Test
    void refusesNoRunsAndNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Timing(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Timing(List.of(1.0, Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> new Timing(List.of(-1.0)));
        assertThrows(IllegalArgumentException.class, () -> new Timing(List.of(1.0)).quantile(1.5));
    }
}
