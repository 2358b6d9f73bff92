package org.atelier.cli.diffusion;

import static org.atelier.cli.MainTestAccess.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.cli.MainTestAccess;
import org.atelier.cli.TinyPortraitDdpm;
import org.atelier.core.image.Image;
import org.atelier.datasets.ProjectRoot;
import org.atelier.datasets.Sample;
import org.atelier.datasets.portraits.PortraitSpec;
import org.atelier.datasets.portraits.SyntheticPortraits;
import org.atelier.models.diffusion.ConditionSlot;
import org.atelier.models.diffusion.ConditionSpace;
import org.atelier.models.features.PortraitsV1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading samples back by portraits-v1: on rendered faces with known attributes, and through {@code sample --read-back}. */
class AttributeReadbackTest {
    private static final ConditionSpace SPACE = new ConditionSpace(List.of(
            new ConditionSlot("age", List.of("young", "adult", "old")),
            new ConditionSlot("glasses", List.of("yes", "no")),
            new ConditionSlot("favourite_colour", List.of("red", "blue"))));

    @Test
    void renderedFacesAreReadAsTheAttributesTheyWereRenderedWith() {
        List<Image> oldWithGlasses = new ArrayList<>();
        SyntheticPortraits faces = new SyntheticPortraits(new PortraitSpec(32, 240, 11, null));
        for (int i = 0; i < faces.size(); i++) {
            Sample s = faces.get(i);
            if (s.attributes().get("age").equals("old") && s.attributes().get("glasses").equals("yes")) {
                oldWithGlasses.add(s.image());
            }
        }
        assertTrue(oldWithGlasses.size() >= 20, "enough faces to count: " + oldWithGlasses.size());
        PortraitsV1 reader = PortraitsV1.load();
        int n = oldWithGlasses.size();

        AttributeReadback.Result asked = AttributeReadback.read(SPACE, SPACE.of(Map.of("age", "old", "glasses", "yes")),
                oldWithGlasses, reader);
        assertEquals(n, asked.n());
        assertEquals(List.of("age", "glasses"), asked.attributes().stream().map(AttributeReadback.Attribute::name).toList(),
                "an attribute the classifier has no head for is left out");
        assertTrue(asked.allMatched() >= n - 1, "the classifier is 99-100 % accurate: " + asked.allMatched() + " of " + n);
        AttributeReadback.Attribute age = asked.attributes().get(0);
        assertEquals("old", age.asked());
        assertTrue(age.interval().getLowerBound() > 0.8 && age.interval().getUpperBound() <= 1.0);

        AttributeReadback.Result wrong = AttributeReadback.read(SPACE, SPACE.of(Map.of("age", "young")), oldWithGlasses,
                reader);
        assertTrue(wrong.attributes().get(0).matched() <= 1, "old faces are not read as young");
        AttributeReadback.Attribute glasses = wrong.attributes().get(1);
        assertEquals(null, glasses.asked());
        assertTrue(glasses.read().getOrDefault("yes", 0) >= n - 1, "an open attribute lists what was read: " + glasses.read());
        assertTrue(wrong.lines().stream().anyMatch(l -> l.contains("glasses") && l.contains("open: yes")), wrong.lines().toString());
    }

    @Test
    void sampleReadsAPromptedDrawBack(@TempDir Path tmp) throws Exception {
        Path run = TinyPortraitDdpm.train(tmp);
        MainTestAccess.Result r = ok("sample", run.toString(), "--n", "3", "--steps", "2", "--prompt",
                "old person with glasses", "--read-back", "--out", tmp.resolve("g.png").toString());
        assertTrue(r.out().contains("read back by portraits-v1") && r.out().contains("asked old")
                && r.out().contains("asked yes") && r.out().contains("every asked value at once"), r.out());
        MainTestAccess.Result open = ok("sample", run.toString(), "--n", "2", "--steps", "2", "--read-back", "--out",
                tmp.resolve("o.png").toString());
        assertTrue(open.out().contains("skin_group") && open.out().contains("open:"), open.out());
        assertFalse(open.out().contains("every asked value"), "nothing asked, nothing to match");
    }

    @Test
    void aPortraitsGanIsReadOnEveryAttribute(@TempDir Path tmp) {
        Path runs = tmp.resolve("runs");
        ok("train", ProjectRoot.path().resolve("configs/dcgan-portraits.yaml").toString(), "--set", "trainer.steps=1",
                "--set", "trainer.batch_size=4", "--set", "data.portraits.count=16", "--set", "trainer.sample_count=4",
                "--runs", runs.toString(), "--no-progress");
        MainTestAccess.Result r = ok("sample", runs.resolve("dcgan-portraits").toString(), "--n", "4", "--read-back",
                "--out", tmp.resolve("g.png").toString());
        for (String attribute : List.of("skin_tone", "skin_group", "age", "glasses", "background")) {
            assertTrue(r.out().matches("(?s).*  " + attribute + " +open: .*"), attribute + ": " + r.out());
        }
    }
}
