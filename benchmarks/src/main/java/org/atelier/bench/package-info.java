/**
 * The benchmark harness behind {@code atelier bench}: a careful timing of the workloads that
 * matter (training steps, a sampling step, DDIM sampling, FID, SSIM), one
 * {@link org.atelier.bench.BenchCase} per figure, with medians and spreads, peak memory, analytic
 * FLOP counts against the machine's nominal peak, a side-by-side run of the PyTorch reference
 * script, and an op-level profiler of the SameDiff graphs. {@link org.atelier.bench.Bench#run}
 * is the one entry point. JMH was not used: each run takes 0.1–60 s of native work, so JIT
 * warm-up and dead-code effects that JMH guards against are negligible next to the native time,
 * and the harness must alternate with a Python process, which JMH cannot do.
 */
package org.atelier.bench;
