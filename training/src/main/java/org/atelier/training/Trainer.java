package org.atelier.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.image.ImageGrid;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.ImageDataset;
import org.atelier.models.Batch;
import org.atelier.models.StepContext;
import org.atelier.models.Trainable;
import org.atelier.models.common.ParameterStore;
import org.atelier.training.checkpoint.Checkpoint;
import org.atelier.training.checkpoint.CheckpointFiles;
import org.atelier.training.checkpoint.CheckpointMeta;
import org.atelier.training.checkpoint.CheckpointStore;
import org.atelier.training.config.TrainerConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one training loop. Per step s (zero-based): reseed ND4J's generator from (seed, s),
 * take the batch of step s, let the family run its step (it hands each group's gradients
 * to the loop's optimisers at lr·schedule(s)·lr_scale, clipped to the global norm), check
 * for divergence, update the EMA, then — on their schedules — append to metrics.jsonl,
 * write a sample grid, write a checkpoint, run listeners. A fresh run first checkpoints step
 * 0, so a rollback always has somewhere to go.
 */
public final class Trainer {
    private final TrainerConfig cfg;
    private final long seed;
    private final RunDir dir;
    private final StopSignal stop;
    private final boolean progressBar;
    private final List<StepListener> listeners;

    public Trainer(TrainerConfig cfg, long seed, RunDir dir, StopSignal stop, boolean progressBar,
                   List<StepListener> listeners) {
        this.cfg = cfg;
        this.seed = seed;
        this.dir = dir;
        this.stop = stop;
        this.progressBar = progressBar;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Trains {@code model} on {@code data}, from scratch or from the checkpoint {@code resume}.
     *
     * @throws TrainingDivergedException after more than {@code guard.max_rollbacks} rollbacks
     */
    public TrainResult train(Trainable model, ImageDataset data, Optional<Path> resume) {
        stop.started();
        try {
            return new Run(model, data).go(resume);
        } finally {
            stop.finished();
        }
    }

    /** Loads the EMA weights of {@code checkpoint} into {@code model} (and its buffers), for sampling. */
    public static void loadForInference(Trainable model, Path checkpoint) {
        ParameterStore store = model.parameters();
        Checkpoint c = CheckpointFiles.read(checkpoint, expectedShapes(store, Map.of()));
        checkNames(checkpoint, "parameters", store.parameters().keySet(), c.parameters().keySet());
        store.assign(c.parameters());
        store.assign(c.buffers());
        store.assign(c.ema());
    }

    /**
     * The shape of every array a checkpoint of this model holds, by entry name, so the reader can
     * refuse a crafted or foreign entry before reading its data. EMA entries share their parameter's shape.
     */
    private static Map<String, long[]> expectedShapes(ParameterStore store, Map<String, GroupOptimizer> optimizers) {
        Map<String, long[]> out = new LinkedHashMap<>();
        store.parameters().forEach((n, v) -> {
            out.put("params/" + n, v.shape());
            out.put("ema/" + n, v.shape());
        });
        store.buffers().forEach((n, v) -> out.put("buffers/" + n, v.shape()));
        optimizers.forEach((g, o) -> out.put("optim/" + g, o.state().shape()));
        return out;
    }

    private static void checkNames(Path file, String what, java.util.Set<String> expected, java.util.Set<String> found) {
        if (!expected.equals(found)) {
            TreeSet<String> missing = new TreeSet<>(expected);
            missing.removeAll(found);
            TreeSet<String> extra = new TreeSet<>(found);
            extra.removeAll(expected);
            throw new InvalidInputException(file + ": checkpoint does not fit this model's " + what
                    + " (missing " + missing + ", unexpected " + extra + "); was it written with another config?");
        }
    }

    private final class Run {
        private final Trainable model;
        private final ParameterStore store;
        private final Map<String, GroupOptimizer> optimizers = new LinkedHashMap<>();
        private final Ema ema;
        private final BatchSampler sampler;
        private final CheckpointStore checkpoints;
        private final MetricsLog metrics;
        private final DivergenceGuard guard;
        private final MetricsWindow window = new MetricsWindow();
        private final Batch previewBatch;
        private final int imagesPerStep;
        private long step;
        private double lrScale = 1;
        private int rollbacks;
        private Path lastCheckpoint;

        Run(Trainable model, ImageDataset data) {
            this.model = model;
            this.store = model.parameters();
            for (String g : store.groups()) {
                optimizers.put(g, new GroupOptimizer(cfg.optimizer(), store.names(g), store.count(g)));
            }
            this.ema = new Ema(cfg.emaDecay(), store, model.emaParameters());
            this.imagesPerStep = cfg.batchSize() * model.batchesPerStep();
            this.sampler = new BatchSampler(data, seed, imagesPerStep);
            this.checkpoints = new CheckpointStore(dir.checkpoints(), cfg.keepCheckpoints());
            this.metrics = new MetricsLog(dir.metrics());
            this.guard = new DivergenceGuard(cfg.guard());
            SplittableRandom pr = new SplittableRandom(Seeds.derive(seed, "preview"));
            int[] idx = new int[cfg.sampleCount()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = pr.nextInt(data.size());
            }
            this.previewBatch = sampler.load(idx);
        }

        TrainResult go(Optional<Path> resume) {
            if (resume.isPresent()) {
                restore(CheckpointFiles.read(resume.get(), expectedShapes(store, optimizers)), resume.get(), false);
                lastCheckpoint = resume.get();
                truncateMetrics();
                event("resume", Map.of("from", resume.get().toString()));
            } else {
                lastCheckpoint = checkpoints.save(snapshot());
            }
            long startStep = step;
            long t0 = System.nanoTime();
            double stepSeconds = 0;
            long stepsRun = 0;
            try (Progress bar = Progress.create(progressBar, dir.name(), cfg.steps(), step)) {
                while (step < cfg.steps()) {
                    if (stop.requested()) {
                        lastCheckpoint = checkpoints.save(snapshot());
                        event("interrupted", Map.of("checkpoint", lastCheckpoint.toString()));
                        System.err.println("stopped at step " + step + "; checkpoint written to " + lastCheckpoint
                                + " (continue with --resume " + dir.root() + ")");
                        return result(false, stepsRun, t0, stepSeconds);
                    }
                    long s = step;
                    Nd4j.getRandom().setSeed(Seeds.derive(seed, "nd4j/" + s));
                    Batch batch = sampler.batch(s);
                    double lr = cfg.optimizer().lr() * cfg.schedule().factor(s, cfg.steps()) * lrScale;
                    Context ctx = new Context(s, new SplittableRandom(Seeds.derive(seed, "step/" + s)), lr);
                    long a = System.nanoTime();
                    Map<String, Double> losses = model.step(batch, ctx);
                    if (cfg.collectGarbage() && (s + 1) % model.stepsPerCollection() == 0) {
                        // counted in the step time: see TrainerConfig.collectGarbage for why it pays
                        System.gc();
                    }
                    double dt = (System.nanoTime() - a) / 1e9;
                    Map<String, Double> norms = ctx.meanNorms();
                    String bad = guard.check(losses, norms);
                    if (bad != null) {
                        rollback(s, bad);
                        continue;
                    }
                    ema.update(store, s);
                    step = s + 1;
                    stepSeconds += dt;
                    stepsRun++;
                    Map<String, Double> values = new LinkedHashMap<>(losses);
                    norms.forEach((g, v) -> values.put("grad_norm_" + g, v));
                    window.add(values, dt);
                    if (step % cfg.logEvery() == 0 || step == cfg.steps()) {
                        writeMetrics(lr);
                    }
                    bar.update(step, extra(losses, dt));
                    boolean last = step == cfg.steps();
                    if ((cfg.sampleEvery() > 0 && step % cfg.sampleEvery() == 0) || last) {
                        writeSamples();
                    }
                    if (step % cfg.checkpointEvery() == 0 || last) {
                        lastCheckpoint = checkpoints.save(snapshot());
                    }
                    for (StepListener l : listeners) {
                        if (step % l.every() == 0) {
                            try (Ema.Swap swap = ema.swapIn(store)) {
                                l.onStep(step, model);
                            }
                        }
                    }
                }
            }
            if (stepsRun > 0 || step > startStep) {
                event("completed", Map.of("step", step));
            }
            return result(true, stepsRun, t0, stepSeconds);
        }

        private TrainResult result(boolean completed, long stepsRun, long t0, double stepSeconds) {
            double wall = (System.nanoTime() - t0) / 1e9;
            double ips = stepSeconds > 0 ? stepsRun * imagesPerStep / stepSeconds : 0;
            return new TrainResult(completed, step, stepsRun, wall, ips, lastCheckpoint, rollbacks);
        }

        private String extra(Map<String, Double> losses, double dt) {
            StringBuilder sb = new StringBuilder(String.format("%.0f img/s", imagesPerStep / Math.max(dt, 1e-9)));
            losses.forEach((k, v) -> sb.append(String.format(" %s %.3f", k, v)));
            return sb.toString();
        }

        private void writeMetrics(double lr) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("step", step);
            line.putAll(window.means());
            line.put("lr", lr);
            line.put("step_time_s", window.seconds() / window.count());
            line.put("images_per_s", window.count() * imagesPerStep / Math.max(window.seconds(), 1e-9));
            metrics.append(line);
            window.reset();
        }

        private void writeSamples() {
            List<Image> images;
            try (Ema.Swap swap = ema.swapIn(store)) {
                images = model.preview(previewBatch, Seeds.derive(seed, "preview-noise"));
            }
            int scale = images.get(0).width() < 64 ? 2 : 1;
            ImageFiles.writePng(ImageGrid.of(images, model.previewColumns(images.size()), scale),
                    dir.samples().resolve(String.format("step-%08d.png", step)));
        }

        private void rollback(long s, String reason) {
            rollbacks++;
            double newScale = lrScale * cfg.guard().lrFactor();
            if (rollbacks > cfg.guard().maxRollbacks()) {
                event("gave-up", Map.of("step", s, "reason", reason));
                throw new TrainingDivergedException("run " + dir.name() + " diverged at step " + s + " (" + reason
                        + ") after " + cfg.guard().maxRollbacks() + " rollbacks with the learning rate already cut to "
                        + lrScale + "× its configured value; lower trainer.optimizer.lr, set trainer.clip_norm, or "
                        + "raise trainer.guard.max_rollbacks. The last good checkpoint is " + checkpoints.latest()
                        .map(Path::toString).orElse("(none)"));
            }
            Path target = checkpoints.latest().orElseThrow(() -> new IllegalStateException("no checkpoint to roll back to"));
            restore(CheckpointFiles.read(target, expectedShapes(store, optimizers)), target, true);
            lrScale = newScale;
            truncateMetrics();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("at_step", s);
            info.put("reason", reason);
            info.put("to_checkpoint", target.toString());
            info.put("lr_scale", lrScale);
            info.put("rollbacks", rollbacks);
            event("rollback", info);
            System.err.printf("divergence at step %d (%s): rolled back to step %d, learning rate now %.3g× (rollback %d of at most %d)%n",
                    s, reason, step, lrScale, rollbacks, cfg.guard().maxRollbacks());
        }

        private void event(String kind, Map<String, Object> info) {
            RunEvents.append(dir, kind, step, info);
        }

        /** Truncates metrics.jsonl to the restored step, noting a torn last line it dropped. */
        private void truncateMetrics() {
            metrics.truncateTo(step).ifPresent(torn -> event("torn-metrics-line", Map.of("dropped",
                    MetricsLog.abbreviate(torn), "file", metrics.file().toString())));
        }

        private Checkpoint snapshot() {
            Map<String, Long> updates = new LinkedHashMap<>();
            Map<String, INDArray> optim = new LinkedHashMap<>();
            optimizers.forEach((g, o) -> {
                updates.put(g, o.updates());
                optim.put(g, o.state());
            });
            CheckpointMeta meta = new CheckpointMeta(CheckpointFiles.FORMAT, step, lrScale, rollbacks,
                    new CheckpointMeta.RngState("counter", seed, step), updates, window.save(), guard.averages(),
                    guard.steps(), null);
            return new Checkpoint(meta, store.parameters(), store.buffers(), ema.values(), optim);
        }

        /** Restores state; on a rollback the lr scale and rollback count stay the loop's own. */
        private void restore(Checkpoint c, Path file, boolean isRollback) {
            checkNames(file, "parameters", store.parameters().keySet(), c.parameters().keySet());
            checkNames(file, "buffers", store.buffers().keySet(), c.buffers().keySet());
            checkNames(file, "optimiser groups", optimizers.keySet(), c.optimizer().keySet());
            if (c.meta().rng() != null && c.meta().rng().runSeed() != seed) {
                throw new InvalidInputException(file + ": checkpoint was written by a run with seed "
                        + c.meta().rng().runSeed() + ", this run's seed is " + seed);
            }
            store.assign(c.parameters());
            store.assign(c.buffers());
            ema.restore(c.ema());
            optimizers.forEach((g, o) -> o.restore(c.optimizer().get(g), c.meta().optimizerUpdates().getOrDefault(g, 0L)));
            window.restore(c.meta().window());
            guard.restore(c.meta().guardAverages(), c.meta().guardSteps());
            step = c.meta().step();
            if (!isRollback) {
                lrScale = c.meta().lrScale();
                rollbacks = c.meta().rollbacks();
            }
        }

        /** The loop's side of one step: its random source and the optimisers at this step's lr. */
        private final class Context implements StepContext {
            private final long s;
            private final RandomGenerator random;
            private final double lr;
            private final Map<String, double[]> norms = new LinkedHashMap<>();

            Context(long s, RandomGenerator random, double lr) {
                this.s = s;
                this.random = random;
                this.lr = lr;
            }

            @Override
            public long step() {
                return s;
            }

            @Override
            public RandomGenerator random() {
                return random;
            }

            @Override
            public double update(String group, Map<String, INDArray> gradients) {
                GroupOptimizer o = optimizers.get(group);
                if (o == null) {
                    throw new IllegalArgumentException("no parameter group " + group + "; groups are " + optimizers.keySet());
                }
                double n = o.apply(store.parameters(), gradients, lr, cfg.clipNorm());
                norms.computeIfAbsent(group, g -> new double[2]);
                norms.get(group)[0] += n;
                norms.get(group)[1] += 1;
                return n;
            }

            Map<String, Double> meanNorms() {
                Map<String, Double> out = new LinkedHashMap<>();
                norms.forEach((g, v) -> out.put(g, v[0] / v[1]));
                return out;
            }
        }
    }
}
