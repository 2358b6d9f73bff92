package org.atelier.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptEncoderTest {
    static final ConditionSpace PORTRAITS = new ConditionSpace(List.of(
            new ConditionSlot("skin_group", List.of("dark", "light", "medium")),
            new ConditionSlot("age", List.of("adult", "old", "young")),
            new ConditionSlot("hair", List.of("black", "blond", "brown", "grey", "red")),
            new ConditionSlot("hair_style", List.of("long", "short")),
            new ConditionSlot("glasses", List.of("no", "yes")),
            new ConditionSlot("expression", List.of("neutral", "smile")),
            new ConditionSlot("background", List.of("blue", "green", "grey", "purple"))));
    static final ConditionSpace FASHION = new ConditionSpace(List.of(new ConditionSlot("class",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"))));

    @Test
    void theIssuesExamplePrompt() {
        PromptEncoder p = new PromptEncoder(PORTRAITS);
        Condition c = p.encode("old person with glasses, dark skin");
        assertEquals(PORTRAITS.of(Map.of("age", "old", "glasses", "yes", "skin_group", "dark")), c);
        assertEquals("skin_group=dark, age=old, glasses=yes", PORTRAITS.describe(c));
    }

    @Test
    void phrasesSynonymsAndQualifiedValues() {
        PromptEncoder p = new PromptEncoder(PORTRAITS);
        assertEquals(PORTRAITS.of(Map.of("age", "young", "glasses", "no", "hair", "blond", "hair_style", "long",
                "expression", "smile", "background", "grey")),
                p.encode("a smiling young person without glasses, long blonde hair, gray background"));
        assertEquals(PORTRAITS.of(Map.of("hair", "grey", "skin_group", "light")), p.encode("grey hair; light-skinned"));
        assertEquals(PORTRAITS.of(Map.of("age", "old")), p.encode("ELDERLY face"));
    }

    @Test
    void errorsListTheVocabulary() {
        PromptEncoder p = new PromptEncoder(PORTRAITS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.encode("old man with a hat"));
        assertTrue(e.getMessage().contains("unknown word 'man'") && e.getMessage().contains("glasses: no")
                && e.getMessage().contains("background: blue"), e.getMessage());
        IllegalArgumentException amb = assertThrows(IllegalArgumentException.class, () -> p.encode("grey"));
        assertTrue(amb.getMessage().contains("'grey hair'") && amb.getMessage().contains("'grey background'"), amb.getMessage());
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> p.encode("old and young"));
        assertTrue(two.getMessage().contains("two values of age"), two.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.encode(" , "));
        assertThrows(IllegalArgumentException.class, () -> new PromptEncoder(ConditionSpace.none()));
    }

    @Test
    void classNames() {
        PromptEncoder p = new PromptEncoder(FASHION);
        assertEquals(FASHION.single(0, 9), p.encode("ankle boots"));
        assertEquals(FASHION.single(0, 0), p.encode("a t-shirt"));
        assertEquals(FASHION.single(0, 0), p.encode("top"));
        assertEquals(FASHION.single(0, 3), p.encode("Dress"));
        assertEquals(FASHION.single(0, 1), p.encode("trousers"));
        assertThrows(IllegalArgumentException.class, () -> p.encode("sneaker and sandal"));
    }
}
