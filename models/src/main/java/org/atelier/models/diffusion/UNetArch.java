package org.atelier.models.diffusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Named UNet layouts ({@link UNetSpec}); a config may override the widths, groups and time width. */
public enum UNetArch {
    /**
     * The reference "UNet-28" of the diffusion issue: widths 32/64/64 at 28/14/7, GroupNorm
     * with 8 groups, self-attention in the middle block at 7×7, sinusoidal time embedding of
     * width 128 → MLP.
     */
    UNET28("unet28", new UNetSpec(28, List.of(32, 64, 64), 8, 128, true)),
    /** The 32×32 RGB variant (portraits): widths 32/64/128 at 32/16/8, attention at 8×8. */
    UNET32("unet32", new UNetSpec(32, List.of(32, 64, 128), 8, 128, true)),
    /** UNet-28's topology at a quarter of its widths, for smoke runs on a busy CPU. */
    TINY28("tiny28", new UNetSpec(28, List.of(8, 16, 16), 4, 32, true)),
    /** A two-level 32×32 net of 8/16 channels, for tests on the portraits. */
    TINY32("tiny32", new UNetSpec(32, List.of(8, 16), 4, 16, true)),
    /** A two-level 16×16 net of 8 channels, for unit tests. */
    TINY16("tiny16", new UNetSpec(16, List.of(8, 8), 2, 16, true)),
    /** A two-level 8×8 net of 4 channels, for unit tests of the samplers. */
    TINY8("tiny8", new UNetSpec(8, List.of(4, 4), 2, 8, true));

    private final String id;
    private final UNetSpec spec;

    UNetArch(String id, UNetSpec spec) {
        this.id = id;
        this.spec = spec;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public UNetSpec spec() {
        return spec;
    }

    @JsonCreator
    public static UNetArch parse(String s) {
        for (UNetArch a : values()) {
            if (a.id.equalsIgnoreCase(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown UNet architecture '" + s + "'; expected one of "
                + Arrays.stream(values()).map(UNetArch::id).collect(Collectors.toList()));
    }
}
