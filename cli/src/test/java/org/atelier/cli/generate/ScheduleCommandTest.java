package org.atelier.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.cli.MainTestAccess;
import org.atelier.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleCommandTest {
    @Test
    void jsonHoldsTheScheduleAndThePlotIsWritten(@TempDir Path tmp) throws Exception {
        Path png = tmp.resolve("linear.png");
        MainTestAccess.Result r = MainTestAccess.run("schedule", "--kind", "linear", "--steps", "1000", "--json",
                "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals("linear", j.get("kind").asText());
        assertEquals(1000, j.get("beta").size());
        assertEquals(0.9999, j.get("alpha").get(0).asDouble(), 1e-12);
        assertEquals(4.036e-5, j.get("alpha_bar").get(999).asDouble(), 0.001e-5);
        assertTrue(Files.size(png) > 1000);
        assertTrue(Files.exists(tmp.resolve("linear.svg")));
    }

    @Test
    void cosineTableAndErrors() {
        MainTestAccess.Result r = MainTestAccess.run("schedule", "--kind", "cosine", "--steps", "1000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("9.990000e-01"), r.out());
        MainTestAccess.Result bad = MainTestAccess.run("schedule", "--kind", "quadratic");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("linear") && bad.err().contains("cosine"), bad.err());
        assertEquals(2, MainTestAccess.run("schedule", "--steps", "1").code());
    }
}
