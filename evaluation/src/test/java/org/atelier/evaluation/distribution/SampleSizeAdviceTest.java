package org.atelier.evaluation.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleSizeAdviceTest {
    @Test
    void flagsFidBelowTheDimensionOnly() {
        assertTrue(SampleSizeAdvice.smallN(16, 256).orElseThrow().contains("FID∞ and KID"));
        assertTrue(SampleSizeAdvice.smallN(256, 256).isEmpty());
    }

    @Test
    void nNeededScalesWithTheSquareOfTheIntervalToDifferenceRatio() {
        // half-widths 1 + 1 at N = 100 against a difference of 1: the intervals must shrink by 2, so N x 4
        assertEquals(400, SampleSizeAdvice.needed(100, 1, 1, 1));
        assertEquals(100, SampleSizeAdvice.needed(100, 0.5, 0.5, -1), "already separated at the boundary");
        assertEquals(Long.MAX_VALUE, SampleSizeAdvice.needed(100, 1, 1, 0));
    }
}
