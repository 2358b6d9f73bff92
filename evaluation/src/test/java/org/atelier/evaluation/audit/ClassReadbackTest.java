package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassReadbackTest {
    @Test
    void countsSamplesReadAsTheirAskedClassPerClassAndOverall() {
        int[] read = ClassReadback.argMax(new float[][] {{2, 1, 0}, {0, 3, 1}, {0, 1, 5}, {0, 4, 1}});
        assertArrayEquals(new int[] {0, 1, 2, 1}, read);
        ClassReadback r = ClassReadback.of(List.of("a", "b", "c"), new int[] {0, 1, 2, 2}, read);
        assertEquals(3, r.overall().count());
        assertEquals(0.75, r.overall().share());
        assertEquals(List.of("a", "b", "c"), r.perClass().stream().map(ShareTable.Share::value).toList());
        assertEquals(0.5, r.perClass().get(2).share(), "c asked twice, read once");
        assertTrue(r.overall().ciLow() < 0.75 && r.overall().ciHigh() < 1, "Wilson interval around 3 of 4");
    }
}
