package org.atelier.training;

import java.nio.file.Path;

/**
 * The layout of {@code runs/<name>/}: {@code config.yaml} (resolved), {@code provenance.json},
 * {@code metrics.jsonl}, {@code events.jsonl} (rollbacks, interruptions), {@code checkpoints/},
 * {@code samples/}.
 */
public record RunDir(Path root) {
    public String name() {
        return root.getFileName().toString();
    }

    public Path config() {
        return root.resolve("config.yaml");
    }

    public Path provenance() {
        return root.resolve("provenance.json");
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path events() {
        return root.resolve("events.jsonl");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path samples() {
        return root.resolve("samples");
    }
}
