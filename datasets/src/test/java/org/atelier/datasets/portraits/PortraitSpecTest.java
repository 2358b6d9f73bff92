package org.atelier.datasets.portraits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.ConfigException;
import org.atelier.datasets.portraits.PortraitAttributes.Configurable;
import org.junit.jupiter.api.Test;

class PortraitSpecTest {

    private static ConfigException rejected(Map<String, Map<String, Double>> shares) {
        return assertThrows(ConfigException.class, () -> new PortraitSpec(32, 10, 1, shares));
    }

    @Test
    void sizeOtherThan32Or64IsRejectedNamingTheKey() {
        for (int bad : new int[]{0, 16, 48, 128, -32}) {
            ConfigException e = assertThrows(ConfigException.class, () -> PortraitSpec.uniform(bad, 10, 1));
            assertEquals("size", e.keyPath());
            assertTrue(e.getMessage().contains("[32, 64]"), e.getMessage());
        }
        PortraitSpec.uniform(32, 1, 0);
        PortraitSpec.uniform(64, 1, 0);
    }

    @Test
    void countMustBePositive() {
        assertEquals("count", assertThrows(ConfigException.class, () -> PortraitSpec.uniform(32, 0, 1)).keyPath());
        assertEquals("count", assertThrows(ConfigException.class, () -> PortraitSpec.uniform(32, -5, 1)).keyPath());
    }

    @Test
    void unknownAttributeIsRejectedWithTheKnownOnes() {
        ConfigException e = rejected(Map.of("mood", Map.of("happy", 1.0)));
        assertEquals("shares.mood", e.keyPath());
        assertTrue(e.getMessage().contains("skin_group"), e.getMessage());
    }

    @Test
    void skinToneSharesPointToSkinGroup() {
        ConfigException e = rejected(Map.of("skin_tone", Map.of("MST-1", 1.0)));
        assertEquals("shares.skin_tone", e.keyPath());
        assertTrue(e.getMessage().contains("shares.skin_group"), e.getMessage());
    }

    @Test
    void unknownValueIsRejectedNamingAttributeAndValue() {
        ConfigException e = rejected(Map.of("age", Map.of("ancient", 1.0)));
        assertEquals("shares.age.ancient", e.keyPath());
        assertTrue(e.getMessage().contains("[young, adult, old]"), e.getMessage());
        // Grey hair follows age; configuring it is an error that says so.
        ConfigException grey = rejected(Map.of("hair", Map.of("grey", 0.5, "black", 0.5)));
        assertEquals("shares.hair.grey", grey.keyPath());
        assertTrue(grey.getMessage().contains("age=old"), grey.getMessage());
    }

    @Test
    void negativeNonFiniteAndMissingSharesAreRejected() {
        assertEquals("shares.skin_group.light",
                rejected(Map.of("skin_group", Map.of("light", -0.1, "dark", 1.0))).keyPath());
        assertEquals("shares.glasses.yes", rejected(Map.of("glasses", Map.of("yes", Double.NaN))).keyPath());
        assertEquals("shares.glasses.yes",
                rejected(Map.of("glasses", Map.of("yes", Double.POSITIVE_INFINITY))).keyPath());
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("smile", null);
        assertEquals("shares.expression.smile", rejected(Map.of("expression", withNull)).keyPath());
        Map<String, Map<String, Double>> nullAttribute = new HashMap<>();
        nullAttribute.put("age", null);
        assertEquals("shares.age", rejected(nullAttribute).keyPath());
    }

    @Test
    void allZeroOrOverflowingSharesAreRejected() {
        assertEquals("shares.glasses", rejected(Map.of("glasses", Map.of("yes", 0.0, "no", 0.0))).keyPath());
        assertEquals("shares.glasses", rejected(Map.of("glasses", Map.of())).keyPath());
        assertEquals("shares.glasses",
                rejected(Map.of("glasses", Map.of("yes", Double.MAX_VALUE, "no", Double.MAX_VALUE))).keyPath());
    }

    @Test
    void sharesAreNormalisedWithDefaultsFilledIn() {
        PortraitSpec spec = new PortraitSpec(32, 10, 1, Map.of("skin_group", Map.of("light", 8.0, "dark", 2.0)));
        Map<Configurable, double[]> s = spec.resolvedShares();
        assertArrayEquals(new double[]{0.8, 0.0, 0.2}, s.get(Configurable.SKIN_GROUP), 1e-12);
        assertArrayEquals(new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0}, s.get(Configurable.AGE), 1e-12);
        assertArrayEquals(new double[]{0.25, 0.25, 0.25, 0.25}, s.get(Configurable.HAIR), 1e-12);
        assertArrayEquals(new double[]{0.5, 0.5}, s.get(Configurable.GLASSES), 1e-12);
        assertEquals(Configurable.values().length, s.size());
    }

    @Test
    void canonicalFormIgnoresHowEqualSharesAreWritten() {
        PortraitSpec a = new PortraitSpec(32, 10, 1, Map.of("skin_group", Map.of("light", 8.0, "dark", 2.0)));
        PortraitSpec b = new PortraitSpec(32, 10, 1, Map.of(
                "skin_group", Map.of("dark", 0.2, "light", 0.8, "medium", 0.0),
                "age", Map.of("young", 1.0, "adult", 1.0, "old", 1.0)));
        assertEquals(a.canonical(), b.canonical());
        assertNotEquals(a.canonical(), PortraitSpec.uniform(32, 10, 1).canonical());
        assertNotEquals(a.canonical(), new PortraitSpec(64, 10, 1, a.shares()).canonical());
        assertNotEquals(a.canonical(), new PortraitSpec(32, 11, 1, a.shares()).canonical());
        assertNotEquals(a.canonical(), new PortraitSpec(32, 10, 2, a.shares()).canonical());
    }

    @Test
    void bindsFromYamlAndReportsBadSharesByKey() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode good = yaml.readTree("""
                size: 64
                count: 500
                seed: 7
                shares:
                  skin_group: {light: 0.8, dark: 0.2}
                  glasses: {yes: 0.3, no: 0.7}
                """);
        PortraitSpec spec = ConfigLoader.bind(good, PortraitSpec.class, "portraits.yaml", List.of());
        assertEquals(new PortraitSpec(64, 500, 7, Map.of(
                "skin_group", Map.of("light", 0.8, "dark", 0.2),
                "glasses", Map.of("yes", 0.3, "no", 0.7))), spec);

        JsonNode noShares = yaml.readTree("{size: 32, count: 5, seed: 1}");
        assertEquals(PortraitSpec.uniform(32, 5, 1),
                ConfigLoader.bind(noShares, PortraitSpec.class, "portraits.yaml", List.of()));

        JsonNode bad = yaml.readTree("{size: 32, count: 5, seed: 1, shares: {age: {young: 1, ancient: 2}}}");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.bind(bad, PortraitSpec.class, "portraits.yaml", List.of()));
        assertTrue(e.getMessage().contains("portraits.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("shares.age.ancient"), e.getMessage());
    }
}
