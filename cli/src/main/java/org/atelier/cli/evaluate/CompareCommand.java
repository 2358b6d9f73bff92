package org.atelier.cli.evaluate;

import org.atelier.cli.Required;
import org.atelier.cli.OldSpellings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.atelier.core.io.Json;
import org.atelier.evaluation.fidelity.FidelityComparison;
import org.atelier.evaluation.fidelity.FidelityTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atelier metrics compare A B}: two fidelity evaluations of the same images under the same
 * masks (two {@code inpaint-eval} runs with the same --dataset, --n, --mask-kind and --seed, or two
 * {@code metrics fidelity --json} outputs), compared image by image: B − A per metric and region
 * with a bootstrap 95 % interval and a paired t-test, judged as one family
 * ({@link org.atelier.evaluation.fidelity.CorrectedComparisons}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two inpainting evaluations image by image: the mean difference candidate - baseline "
                + "of every metric on the hole, the seam band and the whole image, with a bootstrap 95 %% interval "
                + "and a paired t-test p-value, adjusted by Holm across the table; a verdict only where the adjusted "
                + "p is <= 0.05 and the simultaneous (Bonferroni) interval excludes 0. Fewer than 30 images: a "
                + "warning.",
                "Each evaluation is a folder holding fidelity.json (atelier inpaint-eval) or the JSON file itself "
                        + "(atelier metrics fidelity --json); both must score the same image names with the same holes."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "EVAL", description = "The baseline evaluation (folder or fidelity JSON).")
    Path baseline;

    @Option(names = "--candidate", paramLabel = "EVAL", description = "The evaluation compared with the baseline.")
    Path candidate;

    /** The positional form {@code compare A B} of the previous release. */
    @Parameters(arity = "0..2", hidden = true, paramLabel = "A B")
    void oldPositional(java.util.List<Path> ab) {
        if (ab.size() != 2) {
            return; // picocli calls this once per value collected so far; act on the pair
        }
        baseline = OldSpellings.use("'compare A B'", "--baseline A --candidate B", ab.get(0));
        candidate = ab.get(1);
    }

    @Option(names = "--resamples", defaultValue = "10000",
            description = "Bootstrap resamples, 100..1000000 (default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the bootstrap (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Required.given("--baseline", baseline);
        Required.given("--candidate", candidate);
        FidelityComparison c = FidelityComparison.of(baseline, candidate, resamples, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(c.toJson()) + System.lineSeparator() : FidelityTables.of(c));
        out.flush();
        return 0;
    }
}
