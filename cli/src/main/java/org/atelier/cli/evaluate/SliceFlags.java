package org.atelier.cli.evaluate;

import java.util.List;
import org.atelier.evaluation.audit.SliceOptions;
import picocli.CommandLine.Option;

/** {@code --by} and {@code --min-size}: the slice breakdown of per-image scores, shared by the fidelity commands. */
public final class SliceFlags {
    @Option(names = "--by", split = ",", paramLabel = "COL[,COL]",
            description = "Break the scores down by these attribute columns (several: their intersections): per slice "
                    + "n, mean with a bootstrap 95 %% interval, difference and ratio to overall, Mann-Whitney tests "
                    + "Holm-adjusted across every slice and metric.")
    List<String> by;

    @Option(names = "--min-size", defaultValue = "" + SliceOptions.DEFAULT_MIN_SIZE, paramLabel = "M",
            description = "With --by: slices with fewer images are reported too small (default ${DEFAULT-VALUE}).")
    int minSize;

    /** Whether a breakdown was asked for. */
    public boolean any() {
        return by != null && !by.isEmpty();
    }

    public SliceOptions options(long seed) {
        return SliceOptions.defaults(seed).withMinSize(minSize);
    }
}
