package org.atelier.models.diffusion;

import java.util.List;

/**
 * A UNet layout (Ronneberger et al. 2015 as adapted by Ho et al. 2020, appendix B, with one
 * residual block per level).
 *
 * @param side      image side in pixels; must be divisible by 2^(levels − 1)
 * @param widths    channels per level, from the full resolution down; one level per entry
 * @param groups    GroupNorm groups; must divide every width
 * @param timeWidth width of the sinusoidal time embedding and of the MLP after it (even)
 * @param attention self-attention between the two residual blocks of the middle (lowest) level
 */
public record UNetSpec(int side, List<Integer> widths, int groups, int timeWidth, boolean attention) {
    public UNetSpec {
        widths = List.copyOf(widths);
        if (widths.isEmpty()) {
            throw new IllegalArgumentException("a UNet needs at least one level");
        }
        if (side <= 0 || side % (1 << (widths.size() - 1)) != 0) {
            throw new IllegalArgumentException("side " + side + " is not divisible by 2^" + (widths.size() - 1)
                    + " (one halving per level below the first)");
        }
        for (int w : widths) {
            if (w <= 0 || groups <= 0 || w % groups != 0) {
                throw new IllegalArgumentException("GroupNorm groups (" + groups + ") must divide every width, got " + widths);
            }
        }
        if (timeWidth < 2 || timeWidth % 2 != 0) {
            throw new IllegalArgumentException("time width must be even and >= 2, got " + timeWidth);
        }
    }

    public int levels() {
        return widths.size();
    }

    /** Side of the lowest level's feature maps. */
    public int bottomSide() {
        return side >> (widths.size() - 1);
    }

    /** The same layout with other widths / groups / time width where those are non-null. */
    public UNetSpec with(List<Integer> newWidths, Integer newGroups, Integer newTimeWidth, Boolean newAttention) {
        return new UNetSpec(side, newWidths != null ? newWidths : widths, newGroups != null ? newGroups : groups,
                newTimeWidth != null ? newTimeWidth : timeWidth, newAttention != null ? newAttention : attention);
    }
}
