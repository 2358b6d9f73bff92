package org.atelier.bench;

import org.atelier.core.errors.InvalidInputException;
import org.atelier.models.Engine;
import org.atelier.models.diffusion.UNetArch;
import org.atelier.models.gan.GanArch;

/**
 * Sizes and repetitions of a benchmark run. The full settings are the issue's: batch 64,
 * DCGAN-28 and UNet-28, DDIM-50 of 64 images, FID on 10 000 × 2048 features, SSIM over
 * 10 000 pairs of 28×28 images. {@link #tiny()} keeps every case's code path on tiny sizes
 * (the tiny28 architectures, batch 4, 2 DDIM steps) and runs each once without warm-up: a smoke
 * test, not a measurement. {@code benchmarks/pytorch/bench.py}'s {@code settings()} mirrors both.
 *
 * @param warmup     untimed runs before the timed ones (heavy cases: at most 1)
 * @param iterations timed runs (heavy cases: at most 3)
 * @param gcPerRun   end each Atelier run with {@code System.gc()} inside its timing (a diagnostic)
 * @param engine     what runs the UNet and DCGAN cases ({@code model.engine}; default fast, SameDiff for the figures before it)
 */
public record BenchSettings(boolean quick, int warmup, int iterations, int batch, GanArch gan, UNetArch unet,
                            int ddimSteps, int ddimImages, int fidSamples, int fidDimension, int ssimPairs,
                            boolean gcPerRun, Engine engine) {
    /**
     * Untimed runs per case unless asked otherwise. Ten, because the JIT compiles the fast engine's
     * Java loops during the first steps (and recompiles them as new layer shapes reach them, on the
     * same two cores): in one run of 30 after 2 warm-ups, the UNet-28 step's steps 3 to 9 took
     * 0.37–0.62 s (median 0.45), the 23 after them a median of 0.36 s (issue 20). A training run of
     * thousands of steps is in the later regime.
     */
    public static final int DEFAULT_WARMUP = 10;
    /** Timed runs per case unless asked otherwise: with five, one slow run moved the median by several per cent. */
    public static final int DEFAULT_ITERATIONS = 15;
    /** Bounds that catch a typo before it becomes hours of runs. */
    public static final int MAX_WARMUP = 100;
    public static final int MAX_ITERATIONS = 1000;

    public BenchSettings {
        if (warmup < 0 || iterations < 1) {
            throw new IllegalArgumentException("need warmup >= 0 and iterations >= 1, got " + warmup + " and " + iterations);
        }
    }

    /**
     * The sizes with the given repetitions.
     *
     * @throws InvalidInputException when warmup is outside 0..{@value #MAX_WARMUP} or iterations outside
     *                               1..{@value #MAX_ITERATIONS}
     */
    public static BenchSettings full(int warmup, int iterations) {
        if (warmup < 0 || warmup > MAX_WARMUP) {
            throw new InvalidInputException("--warmup must be in 0.." + MAX_WARMUP + ", got " + warmup);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new InvalidInputException("--iterations must be in 1.." + MAX_ITERATIONS + ", got " + iterations);
        }
        return new BenchSettings(false, warmup, iterations, 64, GanArch.DCGAN28, UNetArch.UNET28, 50, 64, 10_000, 2048,
                10_000, false, Engine.FAST);
    }

    public static BenchSettings tiny() {
        return new BenchSettings(true, 0, 1, 4, GanArch.TINY28, UNetArch.TINY28, 2, 4, 300, 64, 100, false, Engine.FAST);
    }

    /** The same settings with {@link #gcPerRun} set. */
    public BenchSettings withGcPerRun(boolean gc) {
        return new BenchSettings(quick, warmup, iterations, batch, gan, unet, ddimSteps, ddimImages, fidSamples,
                fidDimension, ssimPairs, gc, engine);
    }

    /** The same settings with the UNet and DCGAN cases on engine {@code e}. */
    public BenchSettings withEngine(Engine e) {
        return new BenchSettings(quick, warmup, iterations, batch, gan, unet, ddimSteps, ddimImages, fidSamples,
                fidDimension, ssimPairs, gcPerRun, e);
    }

    /** Warm-up runs of a case: heavy cases (tens of seconds a run) get at most one. */
    public int warmupFor(BenchCase c) {
        return c.heavy() ? Math.min(warmup, 1) : warmup;
    }

    /** Timed runs of a case: heavy cases get at most three. */
    public int iterationsFor(BenchCase c) {
        return c.heavy() ? Math.min(iterations, 3) : iterations;
    }
}
