package org.atelier.cli.evaluate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.atelier.core.io.Json;
import org.atelier.datasets.fashion.FashionMnist;
import org.atelier.evaluation.audit.ClassReadback;
import org.atelier.models.features.FmnistV1;
import org.atelier.models.ConditionNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atelier metrics class-readback --generated DIR [--class K] [--json]}. */
@Command(name = "class-readback", mixinStandardHelpOptions = true,
        description = {"How many Fashion-MNIST samples fmnist-v1's classifier reads as the class they were drawn "
                + "under, overall and per class, with Wilson 95 %% intervals: for samples another tool wrote (a "
                + "PyTorch model's, say) beside `atelier sample --read-back`, which reads its own.",
            "Files are read in name order; without --class, file k was drawn under class k mod 10, the order "
                + "`atelier sample --out-dir` writes them."})
public final class ClassReadbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--generated", required = true, paramLabel = "DIR", description = "Folder of 28x28 samples.")
    Path generated;

    @Option(names = "--class", paramLabel = "K",
            description = "Every image was drawn under this class (index or name, e.g. 7 or Sneaker).")
    String condition;

    @Option(names = "--json", description = "Print JSON instead of lines.")
    boolean json;

    @Override
    public Integer call() {
        OptionalInt asked = condition == null ? OptionalInt.empty()
                : OptionalInt.of(ConditionNames.index(FashionMnist.CLASS_NAMES, condition));
        ClassReadback r = ClassReadback.ofFolder(generated, asked, FmnistV1.load());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(r.toJson()));
        } else {
            out.println(generated + ", read back by " + FmnistV1.ID + "'s classifier:");
            r.lines().forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
