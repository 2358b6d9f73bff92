package org.atelier.cli.evaluate;

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
 * with a bootstrap 95 % interval and a paired t-test ({@link org.atelier.evaluation.fidelity.PairedComparison}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two inpainting evaluations image by image: the mean difference B - A of every "
                + "metric on the hole, the seam band and the whole image, with a bootstrap 95 %% interval and a "
                + "paired t-test p-value.",
                "A and B are folders holding fidelity.json (atelier inpaint-eval) or the JSON files themselves "
                        + "(atelier metrics fidelity --json); they must score the same image names with the same holes."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The baseline evaluation (folder or fidelity JSON).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The evaluation compared against A.")
    Path b;

    @Option(names = "--resamples", defaultValue = "10000",
            description = "Bootstrap resamples, 100..1000000 (default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the bootstrap (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        FidelityComparison c = FidelityComparison.of(a, b, resamples, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(c.toJson()) + System.lineSeparator() : FidelityTables.of(c));
        out.flush();
        return 0;
    }
}
