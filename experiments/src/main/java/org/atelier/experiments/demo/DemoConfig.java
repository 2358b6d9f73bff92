package org.atelier.experiments.demo;

import java.nio.file.Path;
import java.util.List;
import org.atelier.core.config.ConfigLoader;
import org.atelier.datasets.ProjectRoot;
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
 * @param diffusion      sampling, inpainting and outpainting with the published diffusion model
 * @param prompts        short prompts on the published portraits diffusion model, read back by a classifier
 */
public record DemoConfig(long seed, String out, Fashion fashion, PortraitSpec portraits, PortraitGrids portraitGrids,
                         Masks masks, Gan gan, Stylize stylize, Diffusion diffusion,
                         Prompts prompts) {
    /** The embedded default, with {@code key=value} overrides ({@code portraits.count=500}). */
    public static DemoConfig embedded(List<String> overrides) {
        return ConfigLoader.loadResource(DemoConfig.class, "demo.yaml", DemoConfig.class, overrides);
    }

    /** A config file, with {@code key=value} overrides. */
    public static DemoConfig load(Path file, List<String> overrides) {
        return ConfigLoader.load(file, DemoConfig.class, overrides);
    }

    /** The report folder: {@link #out()} against the project root unless absolute. */
    public Path outDir() {
        return ProjectRoot.path().resolve(out);
    }

    public DemoConfig {
        require(out != null && !out.isBlank(), "out: a report folder is needed");
        require(fashion != null, "fashion: section missing");
        require(portraits != null, "portraits: section missing");
        require(portraitGrids != null, "portrait_grids: section missing");
        require(masks != null, "masks: section missing");
        require(gan != null, "gan: section missing");
        require(stylize != null, "stylize: section missing");
        require(diffusion != null, "diffusion: section missing");
        require(prompts != null, "prompts: section missing");
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

    /**
     * @param enabled    false leaves the section out (so does {@code steps: 0}); absent = true
     * @param model      what to sample: a published model's name in weights/, a published model folder or a run
     *                   folder (paths relative to the project root)
     * @param config     the run config {@code --train} trains from scratch, and the one the section names when the
     *                   published weights are missing
     * @param trainSteps with {@code --train}: training steps, 0..1000000; 0 = the config's own trainer.steps
     * @param perClass   grid rows: samples drawn per class, 1..16
     * @param steps      DDIM steps (η = 0) of the grid, 0..1000; 0 leaves the section out
     * @param guidance   classifier-free guidance scale s ≥ 0 of every part (1 = plain conditional; see SamplingOptions)
     * @param inpaint    the RePaint part
     * @param outpaint   the outpainting example
     */
    public record Diffusion(Boolean enabled, String model, String config, long trainSteps, int perClass, int steps,
                            double guidance, Inpaint inpaint, Outpaint outpaint) {
        public Diffusion {
            enabled = enabled == null || enabled;
            require(model != null && !model.isBlank(), "model: a published model name or folder is needed");
            require(config != null && !config.isBlank(), "config: the run config of the model is needed");
            require(trainSteps >= 0 && trainSteps <= 1_000_000, "train_steps must be in 0..1000000, got " + trainSteps);
            require(perClass >= 1 && perClass <= 16, "per_class must be in 1..16, got " + perClass);
            require(steps >= 0 && steps <= 1000, "steps must be in 0..1000, got " + steps);
            require(guidance >= 0 && guidance <= 20, "guidance must be in 0..20, got " + guidance);
            require(inpaint != null, "inpaint: section missing");
            require(outpaint != null, "outpaint: section missing");
        }

        /** Whether the section is rendered at all. */
        public boolean on() {
            return enabled && steps > 0;
        }
    }

    /**
     * RePaint inpainting of test images (Lugmayr et al. 2022), with a schedule reduced from the paper's.
     *
     * @param count      test images inpainted, 1..16
     * @param mask       mask kind as {@code atelier masks list} documents it (e.g. thick)
     * @param steps      RePaint denoising steps on the way down, 1..1000
     * @param jumpLength j: steps a resampling jump goes back up, 1..100
     * @param jumpCount  r: how often each jump point is passed, 1..20 (1 = no resampling)
     */
    public record Inpaint(int count, String mask, int steps, int jumpLength, int jumpCount) {
        public Inpaint {
            require(count >= 1 && count <= 16, "count must be in 1..16, got " + count);
            require(mask != null && !mask.isBlank(), "mask: a mask kind is needed (e.g. thick)");
            require(steps >= 1 && steps <= 1000, "steps must be in 1..1000, got " + steps);
            require(jumpLength >= 1 && jumpLength <= 100, "jump_length must be in 1..100, got " + jumpLength);
            require(jumpCount >= 1 && jumpCount <= 20, "jump_count must be in 1..20, got " + jumpCount);
        }
    }

    /**
     * One outpainting example: pixels added on each side (each at most half the model's side), filled
     * window by window with the inpainting part's RePaint schedule.
     */
    public record Outpaint(int left, int right, int top, int bottom) {
        public Outpaint {
            require(left >= 0 && right >= 0 && top >= 0 && bottom >= 0 && left + right + top + bottom > 0,
                    "left, right, top, bottom must be >= 0 and add at least one pixel");
        }
    }

    /**
     * Short prompts on an attribute-conditional portraits model: a row of samples per prompt, each
     * sample read back by the {@code portraits-v1} classifier.
     *
     * @param model     a published model's name, a published folder or a run folder
     * @param prompts   1..8 prompts over the model's attribute vocabulary
     * @param perPrompt samples per prompt, 1..16
     * @param sampler   ddpm (ancestral) or ddim (η = 0)
     * @param steps     sampling steps, 0..1000 (0 leaves the section out)
     * @param guidance  classifier-free guidance scale, 0..20
     */
    public record Prompts(Boolean enabled, String model, List<String> prompts, int perPrompt, String sampler,
                          int steps, double guidance) {
        public Prompts {
            enabled = enabled == null || enabled;
            require(model != null && !model.isBlank(), "model: a published model name or folder is needed");
            require(prompts != null && !prompts.isEmpty() && prompts.size() <= 8, "prompts: 1..8 prompts are needed");
            prompts = List.copyOf(prompts);
            require(perPrompt >= 1 && perPrompt <= 16, "per_prompt must be in 1..16, got " + perPrompt);
            require("ddpm".equals(sampler) || "ddim".equals(sampler), "sampler must be ddpm or ddim, got " + sampler);
            require(steps >= 0 && steps <= 1000, "steps must be in 0..1000, got " + steps);
            require(guidance >= 0 && guidance <= 20, "guidance must be in 0..20, got " + guidance);
        }

        /** Whether the section is rendered at all. */
        public boolean on() {
            return enabled && steps > 0;
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
