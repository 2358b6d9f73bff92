package org.atelier.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SameDiff's chatter is dropped, everything else kept, and System.out restored. */
class QuietStdoutTest {
    @Test
    void duringDropsTheChatterAndRestoresTheStream() {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            System.setOut(capture);
            int got = QuietStdout.during(() -> {
                System.out.println("Added differentiated op add_7");
                System.out.println("step 1");
                return 7;
            });
            assertEquals(7, got);
            assertSame(capture, System.out);
        } finally {
            System.setOut(saved);
        }
        assertEquals("step 1" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}
