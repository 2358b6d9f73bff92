package org.atelier.cli.demo;

import java.util.List;
import org.atelier.datasets.portraits.PortraitSpec;

/**
 * What {@code atelier demo} renders. The embedded default is {@code demo.yaml} beside this
 * class (the same text as {@code configs/demo.yaml}).
 *
 * @param seed           seed of every random choice in the report (sample picks, masks)
 * @param out            report folder, relative to the project root unless absolute
 * @param fashion        the Fashion-MNIST part
 * @param portraits      the synthetic portrait set to render and count
 * @param portraitGrids  which attributes get a grid, and how many faces per value
 * @param masks          the mask gallery
 * @param gan            the small DCGAN trained by the shared loop
 * @param stylize        the small style transfer
 */
public record DemoConfig(long seed, String out, Fashion fashion, PortraitSpec portraits, PortraitGrids portraitGrids,
                         Masks masks, Gan gan, Stylize stylize) {
    public DemoConfig {
        require(out != null && !out.isBlank(), "out: a report folder is needed");
        require(fashion != null, "fashion: section missing");
        require(portraits != null, "portraits: section missing");
        require(portraitGrids != null, "portrait_grids: section missing");
        require(masks != null, "masks: section missing");
        require(gan != null, "gan: section missing");
        require(stylize != null, "stylize: section missing");
    }

    /** @param perClass samples per class in the grid, 1..32 */
    public record Fashion(int perClass) {
        public Fashion {
            require(perClass >= 1 && perClass <= 32, "per_class must be in 1..32, got " + perClass);
        }
    }

    /** @param by attributes to draw a grid for; @param perValue faces per attribute value, 1..32 */
    public record PortraitGrids(List<String> by, int perValue) {
        public PortraitGrids {
            by = List.copyOf(by);
            require(perValue >= 1 && perValue <= 32, "per_value must be in 1..32, got " + perValue);
        }
    }

    /**
     * @param kinds       mask specs as {@code atelier masks list} documents them
     * @param size        side of the masks in pixels, 8..512
     * @param perKind     masks drawn per kind in the gallery, 1..32
     * @param areaSamples masks drawn per kind to measure the hole-area distribution, 10..100000
     */
    public record Masks(List<String> kinds, int size, int perKind, int areaSamples) {
        public Masks {
            kinds = List.copyOf(kinds);
            require(!kinds.isEmpty(), "kinds: at least one mask kind");
            require(size >= 8 && size <= 512, "size must be in 8..512, got " + size);
            require(perKind >= 1 && perKind <= 32, "per_kind must be in 1..32, got " + perKind);
            require(areaSamples >= 10 && areaSamples <= 100_000, "area_samples must be in 10..100000, got " + areaSamples);
        }
    }

    /**
     * @param config run config (relative to the project root), trained as it is but for the steps
     * @param steps  training steps, 0..100000; 0 leaves the section out
     */
    public record Gan(String config, long steps) {
        public Gan {
            require(config != null && !config.isBlank(), "config: a run config file is needed");
            require(steps >= 0 && steps <= 100_000, "steps must be in 0..100000, got " + steps);
        }
    }

    /**
     * @param content content photo (relative to the project root)
     * @param style   style painting (relative to the project root)
     * @param steps   Gatys optimisation steps at 128 px, 0..2000; 0 leaves the section out
     */
    public record Stylize(String content, String style, int steps) {
        public Stylize {
            require(content != null && !content.isBlank(), "content: a content image is needed");
            require(style != null && !style.isBlank(), "style: a style image is needed");
            require(steps >= 0 && steps <= 2000, "steps must be in 0..2000, got " + steps);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
