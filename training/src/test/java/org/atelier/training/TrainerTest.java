package org.atelier.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.models.Batch;
import org.atelier.models.StepContext;
import org.atelier.models.Trainable;
import org.atelier.models.common.ParameterStore;
import org.atelier.models.gan.GanArch;
import org.atelier.models.gan.GanConfig;
import org.atelier.models.gan.ImageGan;
import org.atelier.training.checkpoint.CheckpointStore;
import org.atelier.training.config.GuardConfig;
import org.atelier.training.config.OptimizerConfig;
import org.atelier.training.config.TrainerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    static final TinyData DATA = new TinyData(36, 28);

    static TrainerConfig config(long steps, GuardConfig guard) {
        return new TrainerConfig(steps, 8, OptimizerConfig.adam(2e-4, 0.5, 0.999), null, 0.0, 0.999, 2L, 2, 1L, 3L, 4,
                guard, null);
    }

    static ImageGan gan() {
        return new ImageGan(GanConfig.dcgan(GanArch.TINY28, 16), 1, List.of(), 11);
    }

    static TrainResult run(Path root, TrainerConfig cfg, Trainable model, Optional<Path> resume, StopSignal stop,
                           List<StepListener> listeners) {
        return new Trainer(cfg, 5, new RunDir(root), stop, false, listeners).train(model, DATA, resume);
    }

    @Test
    void resumedRunWritesTheSameMetricsAsAnUninterruptedOne(@TempDir Path tmp) {
        TrainerConfig cfg = config(6, null);
        TrainResult whole = run(tmp.resolve("whole"), cfg, gan(), Optional.empty(), new StopSignal(), List.of());
        assertTrue(whole.completed());
        assertEquals(6, whole.step());

        StopSignal stop = new StopSignal();
        StepListener stopAt3 = new StepListener() {
            @Override
            public long every() {
                return 3;
            }

            @Override
            public void onStep(long step, Trainable model) {
                stop.request();
            }
        };
        Path split = tmp.resolve("split");
        TrainResult first = run(split, cfg, gan(), Optional.empty(), stop, List.of(stopAt3));
        assertFalse(first.completed());
        assertEquals(3, first.step());
        // a fresh process would build a fresh model; so does the test
        Path ckpt = CheckpointStore.resolveResume(split);
        assertEquals(3, CheckpointStore.stepOf(ckpt));
        TrainResult second = run(split, cfg, gan(), Optional.of(ckpt), new StopSignal(), List.of());
        assertTrue(second.completed());
        assertEquals(3, second.stepsThisCall());

        List<String> a = MetricsLog.deterministicLines(tmp.resolve("whole/metrics.jsonl"));
        List<String> b = MetricsLog.deterministicLines(split.resolve("metrics.jsonl"));
        assertEquals(6, a.size());
        assertEquals(a, b);
        assertTrue(a.get(0).contains("\"d_loss\"") && a.get(0).contains("\"grad_norm_g\"") && a.get(0).contains("\"lr\""));
        // keep_checkpoints = 2
        assertEquals(2, new CheckpointStore(tmp.resolve("whole/checkpoints"), 2).list().size());
    }

    @Test
    void tinyGanLossesMoveAndSampleGridsChange(@TempDir Path tmp) {
        TrainerConfig cfg = config(6, null);
        run(tmp, cfg, gan(), Optional.empty(), new StopSignal(), List.of());
        List<String> lines = MetricsLog.readLines(tmp.resolve("metrics.jsonl"));
        assertNotEquals(field(lines.get(0), "g_loss"), field(lines.get(lines.size() - 1), "g_loss"));
        Image s3 = ImageFiles.read(tmp.resolve("samples/step-00000003.png"));
        Image s6 = ImageFiles.read(tmp.resolve("samples/step-00000006.png"));
        assertNotEquals(s3, s6);
        assertTrue(Files.exists(tmp.resolve("events.jsonl")));
        List<Map<String, Double>> rows = MetricsLog.read(tmp.resolve("metrics.jsonl"));
        assertEquals(6, rows.size());
        assertEquals(6.0, rows.get(5).get("step"));
    }

    static double field(String line, String key) {
        int i = line.indexOf("\"" + key + "\":");
        String rest = line.substring(i + key.length() + 3);
        return Double.parseDouble(rest.split("[,}]")[0]);
    }

    /** Wraps a trainable and reports a NaN loss at chosen steps. */
    static final class NanAt implements Trainable {
        private final Trainable inner;
        private final java.util.function.LongPredicate bad;
        int nans;

        NanAt(Trainable inner, java.util.function.LongPredicate bad) {
            this.inner = inner;
            this.bad = bad;
        }

        @Override
        public ParameterStore parameters() {
            return inner.parameters();
        }

        @Override
        public List<String> emaParameters() {
            return inner.emaParameters();
        }

        @Override
        public Map<String, Double> step(Batch batch, StepContext ctx) {
            Map<String, Double> l = new java.util.LinkedHashMap<>(inner.step(batch, ctx));
            if (bad.test(ctx.step())) {
                nans++;
                l.put("g_loss", Double.NaN);
            }
            return l;
        }

        @Override
        public List<Image> preview(Batch fixed, long seed) {
            return inner.preview(fixed, seed);
        }
    }

    @Test
    void injectedNanRollsBackAndLowersTheLearningRate(@TempDir Path tmp) throws Exception {
        java.util.Set<Long> fired = new java.util.HashSet<>();
        NanAt model = new NanAt(gan(), s -> s == 4 && fired.add(s));
        TrainResult r = run(tmp, config(6, null), model, Optional.empty(), new StopSignal(), List.of());
        assertTrue(r.completed());
        assertEquals(1, r.rollbacks());
        String events = Files.readString(tmp.resolve("events.jsonl"));
        assertTrue(events.contains("\"rollback\"") && events.contains("g_loss is NaN"), events);
        List<String> lines = MetricsLog.readLines(tmp.resolve("metrics.jsonl"));
        assertEquals(6, lines.size());
        // steps 1..4 ran at lr 2e-4; step 4 was replayed from the step-4 checkpoint at half the lr
        assertEquals(2e-4, field(lines.get(3), "lr"), 1e-12);
        assertEquals(1e-4, field(lines.get(4), "lr"), 1e-12);
        for (String l : lines) {
            assertFalse(l.contains("NaN"), l);
        }
    }

    @Test
    void persistentNanGivesUpWithAClearMessage(@TempDir Path tmp) {
        NanAt model = new NanAt(gan(), s -> s >= 2);
        TrainerConfig cfg = config(6, new GuardConfig(0.0, 0L, 0.5, 2));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> run(tmp, cfg, model, Optional.empty(), new StopSignal(), List.of()));
        assertEquals(3, model.nans);
        assertTrue(e.getMessage().contains("diverged at step 2") && e.getMessage().contains("after 2 rollbacks")
                && e.getMessage().contains("g_loss is NaN") && e.getMessage().contains("0.25"), e.getMessage());
    }
}
