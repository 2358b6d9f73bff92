package org.atelier.cli.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.atelier.training.Runs;
import org.atelier.training.StepListener;
import org.atelier.training.StopSignal;
import org.atelier.training.TrainResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier train CONFIG [--set k=v]... [--resume RUN] [--name N]}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model from a YAML config into runs/<name>/ (config.yaml, provenance.json, "
                + "metrics.jsonl, checkpoints/, samples/).",
            "Ctrl-C writes a checkpoint and stops; --resume continues exactly where it stopped."})
public final class TrainCommand implements Callable<Integer> {
    /** Exit code of a run stopped by Ctrl-C after writing its checkpoint (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment config, e.g. configs/dcgan-fashion.yaml.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config key, e.g. --set trainer.steps=200 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--resume", paramLabel = "RUN",
            description = "Continue a run: its folder (newest checkpoint) or one checkpoint file. CONFIG must be "
                    + "the run's config; only trainer.steps may grow.")
    Path resume;

    @Option(names = "--name", paramLabel = "N", description = "Run folder name (default: the config's name).")
    String name;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
            description = "Folder holding runs (default ${DEFAULT-VALUE}).")
    Path runsRoot;

    @Option(names = "--no-progress", description = "No progress bar (it is off anyway when not on a terminal).")
    boolean noProgress;

    /** Callbacks every K steps (e.g. evaluation); the top-level command may add its own before running. */
    public final List<StepListener> listeners = new ArrayList<>();

    @Override
    public Integer call() {
        Runs.Outcome o = Runs.train(new Runs.Request(config, overrides, Optional.ofNullable(name),
                Optional.ofNullable(resume), runsRoot, StopSignal.onShutdown(), !noProgress, listeners));
        TrainResult r = o.result();
        System.out.printf("%s: %s at step %d of %d (%d steps this call, %.1f s wall, %.1f images/s); "
                        + "checkpoint %s; samples in %s%n",
                o.dir().root(), r.completed() ? "finished" : "stopped", r.step(), o.config().trainer().steps(),
                r.stepsThisCall(), r.wallSeconds(), r.imagesPerSecond(), r.lastCheckpoint(), o.dir().samples());
        return r.completed() ? 0 : INTERRUPTED;
    }
}
