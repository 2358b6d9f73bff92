package org.atelier.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny attribute-conditional ddpm run on 32x32 synthetic portraits (the tiny32 UNet, 100
 * timesteps, two training steps): what the prompt read-back tests sample from. Its samples are
 * noise; the tests check the plumbing, and the classifier itself is checked on rendered faces.
 */
public final class TinyPortraitDdpm {
    public static final String NAME = "tiny-portrait-ddpm";

    private TinyPortraitDdpm() {
    }

    /** Writes the config into {@code dir}, trains it with {@code atelier train} into {@code dir/runs}; returns the run folder. */
    public static Path train(Path dir) throws IOException {
        Path cfg = dir.resolve(NAME + ".yaml");
        Files.writeString(cfg, String.join("\n",
                "name: " + NAME,
                "seed: 5",
                "data: {dataset: portraits, portraits: {size: 32, count: 40, seed: 7}}",
                "model: {family: ddpm, arch: tiny32, timesteps: 100, conditioning: attributes,",
                "        attributes: [skin_group, age, glasses, expression], preview_steps: 2}",
                "trainer: {steps: 2, batch_size: 4, optimizer: {kind: adam, lr: 0.001},",
                "          checkpoint_every: 2, log_every: 1, sample_count: 4}", ""));
        return TinyDdpm.train(cfg, NAME, dir);
    }
}
