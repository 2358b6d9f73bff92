package org.atelier.datasets.portraits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.datasets.Sample;
import org.atelier.datasets.portraits.PortraitAttributes.Age;
import org.atelier.datasets.portraits.PortraitAttributes.Hair;
import org.atelier.datasets.portraits.PortraitAttributes.Portrait;
import org.atelier.datasets.portraits.PortraitAttributes.SkinGroup;
import org.junit.jupiter.api.Test;

class SyntheticPortraitsTest {

    /** 4 standard deviations of a binomial count: the tolerance of every share check here. */
    private static double fourSigma(int n, double p) {
        return 4 * Math.sqrt(n * p * (1 - p));
    }

    private static Map<String, Integer> counts(SyntheticPortraits ds, String attribute) {
        Map<String, Integer> c = new HashMap<>();
        for (int i = 0; i < ds.size(); i++) {
            c.merge(ds.portrait(i).toAttributes().get(attribute), 1, Integer::sum);
        }
        return c;
    }

    @Test
    void sameSpecGivesSamePixelsWhateverTheAccessOrder() {
        PortraitSpec spec = PortraitSpec.uniform(32, 100, 7);
        SyntheticPortraits forward = new SyntheticPortraits(spec);
        SyntheticPortraits backward = new SyntheticPortraits(spec);
        int[] order = {0, 1, 2, 57, 99};
        Sample[] first = new Sample[order.length];
        for (int k = 0; k < order.length; k++) {
            first[k] = forward.get(order[k]);
        }
        for (int k = order.length - 1; k >= 0; k--) {
            Sample again = backward.get(order[k]);
            assertEquals(first[k].image(), again.image(), "pixels of sample " + order[k]);
            assertEquals(first[k].attributes(), again.attributes());
        }
        // Repeated access on one instance is stable too (no hidden state advances).
        assertEquals(forward.get(57), forward.get(57));
    }

    @Test
    void differentSeedsGiveDifferentSets() {
        SyntheticPortraits a = new SyntheticPortraits(PortraitSpec.uniform(32, 50, 7));
        SyntheticPortraits b = new SyntheticPortraits(PortraitSpec.uniform(32, 50, 8));
        assertNotEquals(a.get(0).image(), b.get(0).image());
        int sameAttributes = 0;
        for (int i = 0; i < 50; i++) {
            if (a.portrait(i).equals(b.portrait(i))) {
                sameAttributes++;
            }
        }
        // Two independent draws of 8 attributes coincide with probability well under 1 %.
        assertTrue(sameAttributes <= 3, sameAttributes + " of 50 samples identical across seeds");
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.contentHash(), b.contentHash());
    }

    @Test
    void rendersBothSizesInRange() {
        for (int size : new int[]{32, 64}) {
            SyntheticPortraits ds = new SyntheticPortraits(PortraitSpec.uniform(size, 30, 3));
            assertEquals(3, ds.channels());
            assertEquals(size, ds.height());
            assertEquals(size, ds.width());
            assertEquals(30, ds.size());
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (int i = 0; i < 12; i++) {
                Sample s = ds.get(i);
                Image img = s.image();
                assertEquals(3, img.channels());
                assertEquals(size, img.height());
                assertEquals(size, img.width());
                for (float v : img.pixels()) {
                    assertTrue(v >= -1f && v <= 1f, "pixel " + v + " outside [-1, 1]");
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                assertEquals(Sample.NO_LABEL, s.label());
                assertEquals(ds.portrait(i).toAttributes(), s.attributes());
            }
            // A real picture uses the range: dark pupils and frames, bright teeth and eye whites.
            assertTrue(min < -0.7f && max > 0.7f, "pixel range [" + min + ", " + max + "]");
        }
    }

    @Test
    void theSameFaceAt32And64Pixels() {
        PortraitSpec small = PortraitSpec.uniform(32, 10, 5);
        PortraitSpec large = PortraitSpec.uniform(64, 10, 5);
        Image a = new SyntheticPortraits(small).get(3).image();
        Image b = new SyntheticPortraits(large).get(3).image();
        // Averaging 2x2 blocks of the 64-pixel face gives nearly the 32-pixel one.
        double err = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    double avg = (b.get(c, 2 * y, 2 * x) + b.get(c, 2 * y + 1, 2 * x)
                            + b.get(c, 2 * y, 2 * x + 1) + b.get(c, 2 * y + 1, 2 * x + 1)) / 4;
                    err += Math.abs(avg - a.get(c, y, x));
                }
            }
        }
        assertTrue(err / (3 * 32 * 32) < 0.02, "mean difference " + err / (3 * 32 * 32));
    }

    @Test
    void contractBasics() {
        SyntheticPortraits ds = new SyntheticPortraits(PortraitSpec.uniform(32, 2000, 7));
        assertTrue(ds.id().matches("portraits-32:seed=7,n=2000,[0-9a-f]{8}"), ds.id());
        assertTrue(ds.contentHash().matches("[0-9a-f]{64}"));
        assertTrue(ds.id().endsWith(ds.contentHash().substring(0, 8)));
        assertEquals(List.of(), ds.classNames());
        assertEquals(List.of("skin_tone", "skin_group", "age", "hair", "hair_style", "glasses", "expression",
                "background"), ds.attributeNames());
        assertEquals(ds.attributeNames(), List.copyOf(ds.portrait(0).toAttributes().keySet()));
        assertThrows(IndexOutOfBoundsException.class, () -> ds.get(2000));
        assertThrows(IndexOutOfBoundsException.class, () -> ds.get(-1));
        // Equivalent specs (same resolved shares) are the same data, so they share a hash.
        SyntheticPortraits same = new SyntheticPortraits(new PortraitSpec(32, 2000, 7,
                Map.of("glasses", Map.of("yes", 5.0, "no", 5.0))));
        assertEquals(ds.contentHash(), same.contentHash());
        assertNotEquals(ds.contentHash(), new SyntheticPortraits(PortraitSpec.uniform(32, 1999, 7)).contentHash());
    }

    @Test
    void empiricalSharesMatchTheConfiguredOnes() {
        int n = 2000;
        SyntheticPortraits ds = new SyntheticPortraits(new PortraitSpec(32, n, 11, Map.of(
                "skin_group", Map.of("light", 0.8, "dark", 0.2),
                "glasses", Map.of("yes", 0.1, "no", 0.9))));
        Map<String, Integer> skin = counts(ds, "skin_group");
        assertEquals(null, skin.get("medium"), "medium has share 0");
        assertEquals(n * 0.8, skin.get("light"), fourSigma(n, 0.8));
        assertEquals(n * 0.2, skin.get("dark"), fourSigma(n, 0.2));
        assertEquals(n * 0.1, counts(ds, "glasses").get("yes"), fourSigma(n, 0.1));
        // Unconfigured attributes are uniform.
        for (String value : List.of("young", "adult", "old")) {
            assertEquals(n / 3.0, counts(ds, "age").get(value), fourSigma(n, 1 / 3.0), value);
        }
        for (String value : List.of("blue", "green", "grey", "purple")) {
            assertEquals(n / 4.0, counts(ds, "background").get(value), fourSigma(n, 0.25), value);
        }
        assertEquals(n / 2.0, counts(ds, "expression").get("smile"), fourSigma(n, 0.5));
    }

    @Test
    void greyHairGoesWithOldAgeAndHairSharesApplyToTheRest() {
        int n = 2000;
        SyntheticPortraits ds = new SyntheticPortraits(new PortraitSpec(32, n, 3, Map.of(
                "hair", Map.of("black", 3.0, "red", 1.0))));
        int notOld = 0;
        int black = 0;
        for (int i = 0; i < n; i++) {
            Portrait p = ds.portrait(i);
            assertEquals(p.age() == Age.OLD, p.hair() == Hair.GREY, "sample " + i);
            if (p.age() != Age.OLD) {
                notOld++;
                assertTrue(p.hair() == Hair.BLACK || p.hair() == Hair.RED, p.hair().toString());
                black += p.hair() == Hair.BLACK ? 1 : 0;
            }
        }
        assertEquals(notOld * 0.75, black, fourSigma(notOld, 0.75));
    }

    @Test
    void everyMonkToneOfADrawnGroupAppearsUniformly() {
        int n = 3000;
        SyntheticPortraits ds = new SyntheticPortraits(PortraitSpec.uniform(32, n, 5));
        int[] tones = new int[11];
        int[] groups = new int[SkinGroup.values().length];
        for (int i = 0; i < n; i++) {
            Portrait p = ds.portrait(i);
            assertTrue(p.skinTone() >= p.skinGroup().firstTone() && p.skinTone() <= p.skinGroup().lastTone());
            tones[p.skinTone()]++;
            groups[p.skinGroup().ordinal()]++;
        }
        for (SkinGroup g : SkinGroup.values()) {
            int inGroup = groups[g.ordinal()];
            double p = 1.0 / g.toneCount();
            for (int t = g.firstTone(); t <= g.lastTone(); t++) {
                assertTrue(tones[t] > 0, "MST-" + t + " never drawn");
                assertEquals(inGroup * p, tones[t], fourSigma(inGroup, p), "MST-" + t);
            }
        }
        // A single-group spec draws only that group's tones, and all of them.
        SyntheticPortraits medium = new SyntheticPortraits(new PortraitSpec(32, 400, 5,
                Map.of("skin_group", Map.of("medium", 1.0))));
        boolean[] seen = new boolean[11];
        for (int i = 0; i < medium.size(); i++) {
            seen[medium.portrait(i).skinTone()] = true;
        }
        for (int t = 1; t <= 10; t++) {
            assertEquals(t >= 4 && t <= 7, seen[t], "MST-" + t);
        }
    }

    @Test
    void changingOneAttributesSharesLeavesTheOthersAlone() {
        SyntheticPortraits light = new SyntheticPortraits(new PortraitSpec(32, 200, 9,
                Map.of("skin_group", Map.of("light", 1.0))));
        SyntheticPortraits dark = new SyntheticPortraits(new PortraitSpec(32, 200, 9,
                Map.of("skin_group", Map.of("dark", 1.0))));
        for (int i = 0; i < 200; i++) {
            Portrait a = light.portrait(i);
            Portrait b = dark.portrait(i);
            assertEquals(a.skinTone() - 1, b.skinTone() - 8, "tone within group, sample " + i);
            assertEquals(new Portrait(b.skinTone(), b.skinGroup(), a.age(), a.hair(), a.hairStyle(), a.glasses(),
                    a.smile(), a.background()), b, "sample " + i);
        }
    }

    /**
     * Mean luma (Rec. 601 weights) over the cheek regions: below the glasses and beside the
     * nose, where every face in this renderer shows skin (checked on marked grids of all ages,
     * with and without glasses and smile).
     */
    private static double cheekLuma(Image img) {
        int s = img.width();
        double sum = 0;
        int n = 0;
        for (int y = (int) (0.55 * s); y < (int) (0.59 * s); y++) {
            for (int x : new int[]{(int) (0.40 * s), (int) (0.41 * s), (int) (0.59 * s), (int) (0.60 * s)}) {
                sum += 0.299 * img.get(0, y, x) + 0.587 * img.get(1, y, x) + 0.114 * img.get(2, y, x);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void darkSkinnedFacesHaveDarkerCheeksThanLightSkinnedOnes() {
        // Same seed, only the skin group differs: the same faces with different skin.
        SyntheticPortraits light = new SyntheticPortraits(new PortraitSpec(64, 12, 21,
                Map.of("skin_group", Map.of("light", 1.0))));
        SyntheticPortraits medium = new SyntheticPortraits(new PortraitSpec(64, 12, 21,
                Map.of("skin_group", Map.of("medium", 1.0))));
        SyntheticPortraits dark = new SyntheticPortraits(new PortraitSpec(64, 12, 21,
                Map.of("skin_group", Map.of("dark", 1.0))));
        for (int i = 0; i < 12; i++) {
            double l = cheekLuma(light.get(i).image());
            double m = cheekLuma(medium.get(i).image());
            double d = cheekLuma(dark.get(i).image());
            assertTrue(l > m && m > d, "sample " + i + ": cheek luma light " + l + ", medium " + m + ", dark " + d);
            // MST-1..3 are near white and MST-8..10 deep brown: the gap is most of the range.
            assertTrue(l - d > 0.8, "sample " + i + ": light " + l + " vs dark " + d);
        }
    }
}
