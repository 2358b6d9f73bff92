package org.atelier.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessBrowserTest {
    @Test
    void findsTheImageThatDoesNotLoadAndTakesAScreenshot(@TempDir Path dir) throws Exception {
        // CI installs chromium (.ci/run); a developer machine without it skips, saying why
        assumeTrue(HeadlessBrowser.available(), "chromium is not installed");
        ImageFiles.writePng(Image.blank(3, 8, 8, 0.5f), dir.resolve("good.png"));
        Path page = dir.resolve("index.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><img src=\"good.png\"><img src=\"missing.png\"></body></html>");
        HeadlessBrowser.Check check = HeadlessBrowser.check(page);
        assertEquals(2, check.images());
        assertEquals(List.of("missing.png"), check.broken());

        Path shot = dir.resolve("shot.png");
        HeadlessBrowser.screenshot(page, shot, 320, 200);
        Image img = ImageFiles.read(shot);
        assertEquals(320, img.width());
        assertTrue(Files.notExists(dir.resolve("browser-check.html")), "the probe page is removed");
    }
}
