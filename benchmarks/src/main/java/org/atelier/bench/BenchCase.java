package org.atelier.bench;

/**
 * One benchmarked figure: it names itself and prepares a {@link Workload} (models built, inputs
 * made) whose {@link Workload#run()} is what the clock measures.
 */
public interface BenchCase {
    /** Stable key in JSON and in the PyTorch script, e.g. {@code unet28_step}. */
    String id();

    /** What one run does, at these settings, in a few words. */
    String title(BenchSettings s);

    /** A case whose single run takes tens of seconds (fewer warm-ups and runs). */
    default boolean heavy() {
        return false;
    }

    /** Whether the case runs SameDiff graphs, so that {@code --profile} has ops to time. */
    default boolean runsGraphs() {
        return true;
    }

    Workload prepare(BenchSettings s);
}
