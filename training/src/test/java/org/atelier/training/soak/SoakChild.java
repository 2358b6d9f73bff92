package org.atelier.training.soak;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.atelier.training.Runs;
import org.atelier.training.StopSignal;

/**
 * One training process of the soak: {@code SoakChild CONFIG RUNS NAME fresh|resume} starts the
 * run {@code RUNS/NAME} or resumes it, exactly as {@code atelier train} does, and prints
 * {@code completed} when the run has reached its last step.
 */
public final class SoakChild {
    private SoakChild() {
    }

    public static void main(String[] args) {
        Path config = Path.of(args[0]);
        Path runs = Path.of(args[1]);
        boolean resume = args[3].equals("resume");
        Runs.Outcome o = Runs.train(new Runs.Request(config, List.of(), resume ? Optional.empty() : Optional.of(args[2]),
                resume ? Optional.of(runs.resolve(args[2])) : Optional.empty(), runs, new StopSignal(), false, List.of()));
        System.out.println(o.result().completed() ? "completed" : "stopped");
        System.out.flush();
        System.exit(0);
    }
}
