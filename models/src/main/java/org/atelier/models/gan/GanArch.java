package org.atelier.models.gan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * DCGAN-style layouts. G: z → Linear(w₀·b²) → BN → ReLU → reshape (w₀, b, b) → for each next
 * width: ConvT(k4 s2 p1) → BN → ReLU → last ConvT(k4 s2 p1) to the image channels → tanh,
 * with b = side / 2^(stages). D mirrors it: Conv(k4 s2 p1) → LeakyReLU 0.2, then per further
 * width Conv(k4 s2 p1) → BN → LeakyReLU 0.2, flatten → Linear(1). All weights N(0, 0.02²).
 */
public enum GanArch {
    /**
     * The reference "DCGAN-28" of the GAN issue: G z(100) → Linear(6272) → BN → ReLU → 128×7×7 →
     * ConvT(128→64) → BN → ReLU → ConvT(64→1) → tanh; D Conv(1→64) → LReLU → Conv(64→128) → BN →
     * LReLU → Linear(1).
     */
    DCGAN28("dcgan28", 28, new int[] {128, 64}, new int[] {64, 128}),
    /** 32×32 variant (portraits): G 256×4×4 → 128 → 64 → C; D C → 64 → 128 → 256 → Linear(1). */
    DCGAN32("dcgan32", 32, new int[] {256, 128, 64}, new int[] {64, 128, 256}),
    /** DCGAN-28's topology at an eighth of its widths, for tests and smoke runs on a busy CPU. */
    TINY28("tiny28", 28, new int[] {16, 8}, new int[] {8, 16});

    private final String id;
    private final int side;
    private final int[] generatorWidths;
    private final int[] discriminatorWidths;

    GanArch(String id, int side, int[] generatorWidths, int[] discriminatorWidths) {
        this.id = id;
        this.side = side;
        this.generatorWidths = generatorWidths;
        this.discriminatorWidths = discriminatorWidths;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Image side in pixels (square images). */
    public int side() {
        return side;
    }

    public int[] generatorWidths() {
        return generatorWidths.clone();
    }

    public int[] discriminatorWidths() {
        return discriminatorWidths.clone();
    }

    /** Spatial side of G's first feature map: side / 2^(number of G widths). */
    public int baseSide() {
        return side >> generatorWidths.length;
    }

    @JsonCreator
    public static GanArch parse(String s) {
        for (GanArch a : values()) {
            if (a.id.equals(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown GAN architecture '" + s + "'; expected one of "
                + Arrays.stream(values()).map(GanArch::id).collect(Collectors.toList()));
    }
}
