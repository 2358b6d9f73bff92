package org.atelier.cli.train;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.atelier.core.config.ConfigLoader;
import org.atelier.training.Runs;
import org.atelier.training.checkpoint.CheckpointStore;
import org.atelier.training.config.RunConfig;
import org.atelier.training.publish.ModelCard;
import org.atelier.training.publish.ModelExport;
import org.atelier.training.publish.ModelSources;
import org.atelier.training.publish.PublishedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atelier export RUN [--out DIR] [--replace]}. Named "export" rather than "publish": it copies a
 * run's inference weights out into a folder and uploads nothing anywhere.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a run's inference weights as a small published model folder: config.yaml, data.json, "
                + "weights.ckpt (EMA weights and buffers, no optimiser state), provenance.json, the newest sample "
                + "grid, and model-card.json with the SHA-256 of every file and the commands that reproduce it.",
            "atelier sample, inpaint, outpaint and vary (and atelier stylize --model) take the folder wherever "
                + "they take a run, and a folder weights/NAME by its bare NAME. Loading checks every SHA-256."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "A run folder (its newest checkpoint) or one checkpoint file.")
    Path run;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder to write (default: weights/<the run config's name> in the project root).")
    Path out;

    @Option(names = "--replace", description = "Overwrite a published model already in DIR.")
    boolean replace;

    @Override
    public Integer call() {
        Path dir = out;
        if (dir == null) {
            Path root = Runs.runRootOf(CheckpointStore.resolveResume(run));
            RunConfig cfg = ConfigLoader.load(root.resolve("config.yaml"), RunConfig.class, List.of());
            dir = ModelSources.publishedRoot().resolve(cfg.name());
        }
        ModelCard card = ModelExport.export(run, dir, replace);
        System.out.printf("%s: %s model %s, %d training steps%s; %s %.1f MB, SHA-256 %s%n", dir, card.family(),
                card.name(), card.trainingSteps(),
                card.trainSeconds() == null ? "" : String.format(" (%.1f h of step time)", card.trainSeconds() / 3600),
                PublishedModel.WEIGHTS, card.weights().bytes() / 1e6, card.weights().sha256());
        System.out.println("reproduce with: " + String.join(" && ", card.reproduce()));
        if (card.note() != null) {
            System.out.println("note: " + card.note());
        }
        return 0;
    }
}
