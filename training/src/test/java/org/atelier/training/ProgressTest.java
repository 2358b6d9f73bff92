package org.atelier.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void withoutATerminalProgressIsAPlainLineEveryTenthOfTheRun() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Progress p = Progress.lines(new PrintStream(buf, true, StandardCharsets.UTF_8), "dcgan", 200, 0)) {
            for (long step = 1; step <= 200; step++) {
                p.update(step, " 55.0 img/s d_loss 0.6931 g_loss 0.6931");
            }
        }
        String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(10, lines.length, String.join("\n", lines));
        assertEquals("dcgan: step 20/200 (10 %), 55.0 img/s d_loss 0.6931 g_loss 0.6931", lines[0]);
        assertTrue(lines[9].startsWith("dcgan: step 200/200 (100 %)"), lines[9]);
    }
}
