package org.atelier.datasets.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaskKindsTest {

    @Test
    void parsesEveryKindToItsGenerator() {
        assertEquals(new CenterBoxMaskGenerator(0.5), MaskKinds.parse("center-box"));
        assertEquals(new CenterBoxMaskGenerator(0.4), MaskKinds.parse("center-box:fraction=0.4"));
        assertEquals(new CenterBoxMaskGenerator(0.4), MaskKinds.parse("center-box:0.4"));
        assertEquals(new RandomBoxesMaskGenerator(), MaskKinds.parse("random-boxes"));
        assertEquals(new RandomBoxesMaskGenerator(5, 0.2, 0.3), MaskKinds.parse("random-boxes:boxes=5,min-side=0.2,max-side=0.3"));
        assertEquals(new LamaMaskGenerator(LamaPreset.THIN), MaskKinds.parse("thin"));
        assertEquals(new LamaMaskGenerator(LamaPreset.MEDIUM), MaskKinds.parse("medium"));
        assertEquals(new LamaMaskGenerator(LamaPreset.THICK), MaskKinds.parse(" Thick "));
        assertEquals(new LamaMaskGenerator(LamaPreset.THICK, 0.3), MaskKinds.parse("thick:max-area=0.3"));
        assertEquals(new OutpaintMaskGenerator(8, 8, 0, 0), MaskKinds.parse("outpaint:left=8,right=8"));
        assertEquals(new OutpaintMaskGenerator(2, 4, 4, 4), MaskKinds.parse("outpaint:all=4,left=2"));
        assertEquals(new HalfMaskGenerator(HalfMaskGenerator.Side.LEFT), MaskKinds.parse("half:left"));
        assertEquals(new HalfMaskGenerator(HalfMaskGenerator.Side.BOTTOM), MaskKinds.parse("half:side=BOTTOM"));
        assertEquals(new EverySecondLineMaskGenerator(1), MaskKinds.parse("every-second-line"));
        assertEquals(new EverySecondLineMaskGenerator(0), MaskKinds.parse("every-second-line:first=0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"center-box", "center-box:fraction=0.3", "random-boxes", "random-boxes:boxes=2",
        "random-boxes:min-side=0.05,max-side=0.9", "thin", "medium", "thick", "thin:max-area=0.25",
        "outpaint:left=8,right=8", "outpaint:all=3", "outpaint:top=1,bottom=5", "half:left", "half:right", "half:top",
        "half:bottom", "every-second-line", "every-second-line:first=0"})
    void kindIsCanonicalAndParsesBack(String spec) {
        MaskGenerator g = MaskKinds.parse(spec);
        assertEquals(spec, g.kind());
        assertEquals(g, MaskKinds.parse(g.kind()));
    }

    @Test
    void unknownKindListsTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MaskKinds.parse("squiggles"));
        assertTrue(e.getMessage().contains("squiggles"), e.getMessage());
        for (String name : MaskKinds.names()) {
            assertTrue(e.getMessage().contains(name), "message should list " + name + ": " + e.getMessage());
        }
    }

    @Test
    void namesAndUsageCoverEveryKind() {
        assertEquals(List.of("center-box", "random-boxes", "thin", "medium", "thick", "outpaint", "half",
                "text", "scratches", "every-second-line"), MaskKinds.names());
        String usage = MaskKinds.usage();
        for (String name : MaskKinds.names()) {
            assertTrue(usage.contains(name), usage);
        }
    }

    @Test
    void unknownKeyNamesTheKeyAndTheKnownKeys() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MaskKinds.parse("outpaint:lft=8"));
        assertTrue(e.getMessage().contains("'lft'"), e.getMessage());
        assertTrue(e.getMessage().contains("left") && e.getMessage().contains("bottom"), e.getMessage());
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> MaskKinds.parse("thin:3"));
        assertTrue(none.getMessage().contains("max-area"), none.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "half", "half:diagonal", "half:left,side=top", "center-box:fraction=1.5",
        "center-box:fraction=x", "center-box:", "outpaint", "outpaint:left=-1", "outpaint:left=0",
        "outpaint:left=2,left=3", "random-boxes:boxes=0", "random-boxes:min-side=0.5,max-side=0.2",
        "every-second-line:first=2", "thick:max-area=0", "thin:,", "every-second-line:x"})
    void rejectsMalformedSpecsWithTheSpecInTheMessage(String spec) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MaskKinds.parse(spec));
        if (!spec.isBlank()) {
            assertTrue(e.getMessage().contains(spec.trim()), e.getMessage());
        }
    }

    @Test
    void parseErrorsAreUserErrors() {
        assertInstanceOf(org.atelier.core.errors.UserException.class,
                assertThrows(RuntimeException.class, () -> MaskKinds.parse("half:up")));
    }
}
