package org.atelier.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Tiny runs that tests of every module above training share (this module's test jar): trained in
 * seconds, their samples are noise; the tests check the plumbing.
 */
public final class TinyRuns {
    /** The class-conditional ddpm run's name, hence its folder under the runs root and its published name. */
    public static final String DDPM = "tiny-ddpm";
    /** The attribute-conditional portraits ddpm run's name. */
    public static final String PORTRAIT_DDPM = "tiny-portrait-ddpm";

    private TinyRuns() {
    }

    /**
     * Writes the config of a class-conditional ddpm on 40 Fashion-MNIST test images (the tiny28
     * UNet, 100 timesteps, two training steps) as {@code dir/tiny-ddpm.yaml} and returns that path.
     */
    public static Path ddpmConfig(Path dir) throws IOException {
        Path cfg = dir.resolve(DDPM + ".yaml");
        Files.writeString(cfg, String.join("\n",
                "name: " + DDPM,
                "seed: 3",
                "data: {dataset: 'fashion-mnist:test', limit: 40}",
                "model: {family: ddpm, arch: tiny28, timesteps: 100, conditioning: class, preview_steps: 2}",
                "trainer: {steps: 2, batch_size: 4, optimizer: {kind: adam, lr: 0.001},",
                "          checkpoint_every: 2, log_every: 1, sample_count: 10}", ""));
        return cfg;
    }

    /** Trains {@link #ddpmConfig} into {@code dir/runs}; returns the run folder. */
    public static Path ddpm(Path dir) throws IOException {
        return train(ddpmConfig(dir), DDPM, dir);
    }

    /**
     * An attribute-conditional ddpm on 32x32 synthetic portraits (the tiny32 UNet, 100 timesteps,
     * two training steps), trained into {@code dir/runs}; returns the run folder.
     */
    public static Path portraitDdpm(Path dir) throws IOException {
        Path cfg = dir.resolve(PORTRAIT_DDPM + ".yaml");
        Files.writeString(cfg, String.join("\n",
                "name: " + PORTRAIT_DDPM,
                "seed: 5",
                "data: {dataset: portraits, portraits: {size: 32, count: 40, seed: 7}}",
                "model: {family: ddpm, arch: tiny32, timesteps: 100, conditioning: attributes,",
                "        attributes: [skin_group, age, glasses, expression], preview_steps: 2}",
                "trainer: {steps: 2, batch_size: 4, optimizer: {kind: adam, lr: 0.001},",
                "          checkpoint_every: 2, log_every: 1, sample_count: 4}", ""));
        return train(cfg, PORTRAIT_DDPM, dir);
    }

    /** Trains {@code cfg} (whose run is called {@code name}) into {@code dir/runs}; returns the run folder. */
    public static Path train(Path cfg, String name, Path dir) {
        Path runs = dir.resolve("runs");
        Runs.train(new Runs.Request(cfg, List.of(), Optional.empty(), Optional.empty(), runs, new StopSignal(), false,
                List.of()));
        return runs.resolve(name);
    }
}
