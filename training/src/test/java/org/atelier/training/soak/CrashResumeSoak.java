package org.atelier.training.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.atelier.core.io.AtomicFiles;
import org.atelier.training.MetricsLog;
import org.atelier.training.checkpoint.CheckpointFiles;
import org.atelier.training.checkpoint.CheckpointStore;

/**
 * The crash-resume soak: a small DCGAN run is trained in child JVMs that are killed with SIGKILL
 * at chosen moments — mid-step (after a random delay), mid-checkpoint (while a checkpoint's temp
 * file exists), mid-sample-grid (while a grid's temp file exists, or right after a grid
 * appeared), mid-log-append (as soon as metrics.jsonl grows) — and resumed each time, a fresh
 * start where the kill came before the first checkpoint. After every kill each listed
 * checkpoint must read; when a run completes, its metrics.jsonl must equal an uninterrupted
 * run's line for line (wall-clock fields aside), every checkpoint must read and no temp file may
 * remain; then the next run starts, until the kills are spent.
 *
 * <p>Where a kill landed is read from the files it left: a checkpoint or grid temp file, a
 * metrics line without its line break. A kill just after an append leaves no torn line (the
 * append is one small write); for those, half the time the soak tears the last line itself, as
 * a full disk would, when that line lies beyond the newest checkpoint (only there can a crash
 * leave one: the checkpoint of a step is written after its line).
 *
 * <p>On demand: {@code scripts/soak.sh [KILLS]}; {@link CrashResumeSoakTest} runs a short version.
 */
public final class CrashResumeSoak {
    /** Where a kill is aimed. */
    public enum Aim { STEP, CHECKPOINT, SAMPLE_GRID, LOG_APPEND }

    /** Tallies of one soak. */
    public record Result(int kills, int runsCompleted, Map<Aim, Integer> aimed, Map<String, Integer> landed,
                         int tornBySoak, int freshRestarts) {
        @Override
        public String toString() {
            return kills + " kills over " + runsCompleted + " completed runs; aimed " + aimed + "; landed " + landed
                    + "; torn tails made by the soak " + tornBySoak + "; kills before the first checkpoint "
                    + "(fresh restart) " + freshRestarts;
        }
    }

    static final String CONFIG = String.join("\n",
            "name: soak",
            "seed: 16",
            "data: {dataset: 'fashion-mnist:test', limit: 64}",
            "model: {family: dcgan, arch: tiny28, z_dim: 16}",
            "trainer: {steps: 40, batch_size: 8, optimizer: {kind: adam, lr: 0.0002, beta1: 0.5},",
            "          checkpoint_every: 4, keep_checkpoints: 3, log_every: 1, sample_every: 3, sample_count: 8,",
            "          collect_garbage: false}", "");

    private final Path work;
    private final SplittableRandom random;
    private final List<String> reference;

    private CrashResumeSoak(Path work, long seed, List<String> reference) {
        this.work = work;
        this.random = new SplittableRandom(seed);
        this.reference = reference;
    }

    /** Runs the soak in {@code work} until {@code kills} kills have been made and the last run has completed. */
    public static Result run(Path work, int kills, long seed) throws Exception {
        Files.createDirectories(work);
        Path config = Files.writeString(work.resolve("soak.yaml"), CONFIG);
        Child ref = child(config, work.resolve("reference"), "soak", "fresh");
        if (!ref.process().waitFor(20, TimeUnit.MINUTES) || ref.process().exitValue() != 0) {
            throw new IllegalStateException("the uninterrupted reference run failed: " + output(ref));
        }
        List<String> reference = MetricsLog.deterministicLines(work.resolve("reference/soak/metrics.jsonl"));
        return new CrashResumeSoak(work, seed, reference).go(config, kills);
    }

    private Result go(Path config, int kills) throws Exception {
        Map<Aim, Integer> aimed = new EnumMap<>(Aim.class);
        Map<String, Integer> landed = new TreeMap<>();
        int done = 0;
        int completed = 0;
        int torn = 0;
        int fresh = 0;
        while (done < kills || completed == 0) {
            Path runs = work.resolve("runs-" + completed);
            Path folder = runs.resolve("soak");
            boolean finished = false;
            while (!finished) {
                boolean started = !new CheckpointStore(folder.resolve("checkpoints"), Integer.MAX_VALUE).list().isEmpty();
                if (!started && Files.exists(folder)) {
                    fresh++;
                }
                Child p = child(config, runs, "soak", started ? "resume" : "fresh");
                if (done >= kills) {
                    finished = awaitCompletion(p);
                    continue;
                }
                Aim aim = Aim.values()[random.nextInt(Aim.values().length)];
                if (!killAt(p, folder, aim)) {
                    finished = awaitCompletion(p); // the run ended before the moment came
                    continue;
                }
                done++;
                aimed.merge(aim, 1, Integer::sum);
                String where = landing(folder);
                if (aim == Aim.LOG_APPEND && where.equals("between writes") && random.nextBoolean() && tearTail(folder)) {
                    torn++;
                    where = "log append (tail torn by the soak)";
                }
                landed.merge(where, 1, Integer::sum);
                for (Path c : new CheckpointStore(folder.resolve("checkpoints"), Integer.MAX_VALUE).list()) {
                    CheckpointFiles.read(c);
                }
            }
            verifyCompleted(folder);
            completed++;
        }
        return new Result(done, completed, aimed, landed, torn, fresh);
    }

    /** Waits for the moment {@code aim} names and kills the child then; false when the child exited first. */
    private boolean killAt(Child c, Path folder, Aim aim) throws Exception {
        Process p = c.process();
        long metricsSize = size(folder.resolve("metrics.jsonl"));
        long delayMs = 200 + random.nextInt(3000);
        long t0 = System.nanoTime();
        int grids = count(folder.resolve("samples"), ".png");
        while (p.isAlive()) {
            boolean now = switch (aim) {
                case STEP -> (System.nanoTime() - t0) / 1_000_000 >= delayMs;
                case CHECKPOINT -> hasTemp(folder.resolve("checkpoints"));
                case SAMPLE_GRID -> hasTemp(folder.resolve("samples")) || count(folder.resolve("samples"), ".png") > grids;
                case LOG_APPEND -> size(folder.resolve("metrics.jsonl")) != metricsSize;
            };
            if (now) {
                p.destroyForcibly(); // SIGKILL on Linux
                p.waitFor(60, TimeUnit.SECONDS);
                return true;
            }
            Thread.onSpinWait();
        }
        p.waitFor();
        return false;
    }

    private static boolean awaitCompletion(Child c) throws Exception {
        Process p = c.process();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("a resumed run did not finish in 20 minutes");
        }
        String out = output(c);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("a resumed run failed (exit " + p.exitValue() + "): " + out);
        }
        return out.contains("completed");
    }

    /** What the kill left behind, read from the files. */
    private static String landing(Path folder) throws IOException {
        if (hasTemp(folder.resolve("checkpoints"))) {
            return "checkpoint write";
        }
        if (hasTemp(folder.resolve("samples"))) {
            return "sample grid write";
        }
        if (hasTemp(folder)) {
            return "other atomic write";
        }
        Path m = folder.resolve("metrics.jsonl");
        if (Files.exists(m) && Files.size(m) > 0) {
            byte[] b = Files.readAllBytes(m);
            if (b[b.length - 1] != '\n') {
                return "log append (torn by the kill)";
            }
        }
        return "between writes";
    }

    /** Cuts the last metrics line in half when it lies beyond the newest checkpoint (a full disk's torn append). */
    private boolean tearTail(Path folder) throws IOException {
        Path m = folder.resolve("metrics.jsonl");
        List<Path> ckpts = new CheckpointStore(folder.resolve("checkpoints"), Integer.MAX_VALUE).list();
        if (!Files.exists(m) || ckpts.isEmpty()) {
            return false;
        }
        List<String> lines = Files.readAllLines(m, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return false;
        }
        String last = lines.get(lines.size() - 1);
        long step = Long.parseLong(last.replaceAll(".*\"step\":(\\d+).*", "$1"));
        if (step <= CheckpointStore.stepOf(ckpts.get(0))) {
            return false;
        }
        byte[] b = Files.readAllBytes(m);
        int cut = 1 + random.nextInt(last.length());
        Files.write(m, java.util.Arrays.copyOf(b, b.length - cut));
        return true;
    }

    private void verifyCompleted(Path folder) throws IOException {
        List<String> lines = MetricsLog.deterministicLines(folder.resolve("metrics.jsonl"));
        if (!lines.equals(reference)) {
            throw new AssertionError(folder + ": metrics.jsonl differs from the uninterrupted run's:\n" + lines
                    + "\nexpected\n" + reference);
        }
        for (Path c : new CheckpointStore(folder.resolve("checkpoints"), Integer.MAX_VALUE).list()) {
            CheckpointFiles.read(c);
        }
        for (Path d : List.of(folder, folder.resolve("checkpoints"), folder.resolve("samples"))) {
            if (hasTemp(d)) {
                throw new AssertionError(d + ": a temp file remains after the run completed");
            }
        }
    }

    /** A training process and the file its output goes to. */
    private record Child(Process process, Path log) {
    }

    private static Child child(Path config, Path runs, String name, String mode) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        for (String key : List.of("org.bytedeco.javacpp.cachedir", "java.awt.headless", "atelier.home")) {
            if (System.getProperty(key) != null) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        cmd.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                SoakChild.class.getName(), config.toString(), runs.toString(), name, mode));
        // output to a file, not a pipe: a child blocked on a full pipe would never reach the moment aimed at
        Path log = runs.resolveSibling(runs.getFileName() + "-" + mode + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return new Child(pb.start(), log);
    }

    private static String output(Child c) throws IOException {
        String all = Files.readString(c.log(), StandardCharsets.UTF_8);
        return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
    }

    private static boolean hasTemp(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(AtomicFiles::isTemp);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    private static int count(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    /** {@code CrashResumeSoak KILLS WORK_DIR [SEED]}: prints the tallies; exits non-zero on a failed check. */
    public static void main(String[] args) throws Exception {
        Result r = run(Path.of(args[1]), Integer.parseInt(args[0]), args.length > 2 ? Long.parseLong(args[2]) : 16);
        System.out.println("soak: " + r);
        System.exit(0);
    }
}
