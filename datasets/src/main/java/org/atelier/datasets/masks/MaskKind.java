package org.atelier.datasets.masks;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The mask kinds users can name, with the syntax and a one-line description for help text. */
public enum MaskKind {
    CENTER_BOX("center-box", "center-box[:fraction=0.5]",
            "centred box, side = fraction of the image side (0.5 hides 25 %)", CenterBoxMaskGenerator::fromSpec),
    RANDOM_BOXES("random-boxes", "random-boxes[:boxes=3,min-side=0.1,max-side=0.4]",
            "1..boxes random boxes, sides a random share of the image side", RandomBoxesMaskGenerator::fromSpec),
    THIN("thin", "thin[:max-area=0.5]", "LaMa's thin irregular strokes (random_thin_256)",
            s -> LamaMaskGenerator.fromSpec(s, LamaPreset.THIN)),
    MEDIUM("medium", "medium[:max-area=0.5]", "LaMa's medium strokes or boxes (random_medium_256)",
            s -> LamaMaskGenerator.fromSpec(s, LamaPreset.MEDIUM)),
    THICK("thick", "thick[:max-area=0.5]", "LaMa's thick strokes or boxes (random_thick_256)",
            s -> LamaMaskGenerator.fromSpec(s, LamaPreset.THICK)),
    OUTPAINT("outpaint", "outpaint:left=8,right=8,top=0,bottom=0 | outpaint:all=4",
            "borders of the given widths in pixels", OutpaintMaskGenerator::fromSpec),
    HALF("half", "half:left|right|top|bottom", "one half of the image", HalfMaskGenerator::fromSpec),
    TEXT("text", "text[:lines=2,min-size=0.2,max-size=0.4]",
            "captions and watermarks in a seeded font, size, slant and place (text height a share of the image)",
            TextOverlayMaskGenerator::fromSpec),
    SCRATCHES("scratches", "scratches[:count=4,width=1]", "thin seeded curves (quadratic Béziers) as on a damaged print",
            ScratchesMaskGenerator::fromSpec),
    EVERY_SECOND_LINE("every-second-line", "every-second-line[:first=1]",
            "alternate rows, starting at row `first`", EverySecondLineMaskGenerator::fromSpec);

    private final String typedName;
    private final String syntax;
    private final String description;
    private final Function<MaskSpec, MaskGenerator> factory;

    MaskKind(String typedName, String syntax, String description, Function<MaskSpec, MaskGenerator> factory) {
        this.typedName = typedName;
        this.syntax = syntax;
        this.description = description;
        this.factory = factory;
    }

    /** The name as typed, e.g. {@code every-second-line}. */
    public String typedName() {
        return typedName;
    }

    /** Accepted forms, e.g. {@code half:left|right|top|bottom}; brackets mark optional parts with defaults. */
    public String syntax() {
        return syntax;
    }

    public String description() {
        return description;
    }

    MaskGenerator create(MaskSpec spec) {
        return factory.apply(spec);
    }

    /** Names of all kinds, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(MaskKind::typedName).toList();
    }
}
