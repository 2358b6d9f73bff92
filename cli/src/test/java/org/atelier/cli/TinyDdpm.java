package org.atelier.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tiny class-conditional ddpm run the diffusion, export and demo tests share: 40
 * Fashion-MNIST test images, the tiny28 UNet, 100 timesteps, trained for two steps (seconds).
 */
public final class TinyDdpm {
    /** The run's name, hence its folder under the runs root and its published name. */
    public static final String NAME = "tiny-ddpm";

    private TinyDdpm() {
    }

    /** Writes the run config as {@code dir/tiny-ddpm.yaml} and returns that path. */
    public static Path writeConfig(Path dir) throws IOException {
        Path cfg = dir.resolve(NAME + ".yaml");
        Files.writeString(cfg, String.join("\n",
                "name: " + NAME,
                "seed: 3",
                "data: {dataset: 'fashion-mnist:test', limit: 40}",
                "model: {family: ddpm, arch: tiny28, timesteps: 100, conditioning: class, preview_steps: 2}",
                "trainer: {steps: 2, batch_size: 4, optimizer: {kind: adam, lr: 0.001},",
                "          checkpoint_every: 2, log_every: 1, sample_count: 10}", ""));
        return cfg;
    }

    /** Writes the config into {@code dir}, trains it with {@code atelier train} into {@code dir/runs}; returns the run folder. */
    public static Path train(Path dir) throws IOException {
        return train(writeConfig(dir), NAME, dir);
    }

    /** Trains {@code cfg} (whose run is called {@code name}) with {@code atelier train} into {@code dir/runs}; returns the run folder. */
    static Path train(Path cfg, String name, Path dir) {
        Path runs = dir.resolve("runs");
        MainTestAccess.ok("train", cfg.toString(), "--runs", runs.toString(), "--no-progress");
        return runs.resolve(name);
    }
}
