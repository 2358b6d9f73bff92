package org.atelier.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.cli.MainTestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atelier demo} as a user types it: the report, the section lines on stderr, a bad key (the report itself: DemoReportTest). */
class DemoCommandTest {
    @Test
    void writesTheReportAndSaysWhichSectionItIsIn(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("off");
        MainTestAccess.Result r = MainTestAccess.run("demo", "--set", "out=" + out, "--set", "portraits.count=60",
                "--set", "masks.area_samples=20", "--set", "masks.kinds=[thick]", "--set", "gan.steps=0", "--set",
                "stylize.steps=0", "--set", "diffusion.enabled=false", "--set", "prompts.enabled=false");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("report written to " + out.resolve("index.html")), r.out());
        assertTrue(r.err().contains("demo: [1/4] Fashion-MNIST") && r.err().contains("demo: [4/4]"), r.err());
        assertTrue(Files.exists(out.resolve("results.json")));
    }

    @Test
    void aBadOverrideKeyIsOneLineNamingTheKey() {
        MainTestAccess.Result r = MainTestAccess.run("demo", "--set", "portraits.cout=300");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("portraits.cout") && r.err().contains("count"), r.err());
    }
}
