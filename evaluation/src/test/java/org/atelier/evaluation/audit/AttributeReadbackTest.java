package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.datasets.Sample;
import org.atelier.datasets.portraits.PortraitSpec;
import org.atelier.datasets.portraits.SyntheticPortraits;
import org.atelier.models.diffusion.ConditionSlot;
import org.atelier.models.diffusion.ConditionSpace;
import org.atelier.models.features.PortraitsV1;
import org.atelier.models.sampling.Samples;
import org.junit.jupiter.api.Test;

/** Reading samples back by portraits-v1, on rendered faces with known attributes. */
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
    void drawnSamplesAreReadOnTheirOwnAttributesOrOnEveryHead() {
        SyntheticPortraits faces = new SyntheticPortraits(new PortraitSpec(32, 6, 11, null));
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            images.add(faces.get(i).image());
        }
        PortraitsV1 reader = PortraitsV1.load();
        Samples prompted = new Samples(images, 3, "age=old", null, null, SPACE, SPACE.of(Map.of("age", "old")), null, 0);
        AttributeReadback.Result byPrompt = AttributeReadback.of(prompted, reader);
        assertEquals(List.of("age", "glasses"), byPrompt.attributes().stream().map(AttributeReadback.Attribute::name).toList());
        assertEquals("old", byPrompt.attributes().get(0).asked());

        Samples gan = new Samples(images, 3, "unconditional", null, null, ConditionSpace.none(),
                ConditionSpace.none().nullCondition(), null, 0);
        AttributeReadback.Result open = AttributeReadback.of(gan, reader);
        assertEquals(AttributeReadback.everyHead().slots().size(), open.attributes().size(), "every head, each open");
        assertTrue(open.attributes().stream().allMatch(a -> a.asked() == null));
    }
}
