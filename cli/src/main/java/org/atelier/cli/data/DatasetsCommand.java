package org.atelier.cli.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.DatasetCatalog;
import org.atelier.datasets.DatasetGrids;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Slices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier datasets …}: what data Atelier reads, and a look at it. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "The datasets Atelier reads: list them, or show a labelled sample grid of one.",
        subcommands = {DatasetsCommand.ListDatasets.class, DatasetsCommand.Show.class})
public final class DatasetsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List dataset names and where they come from.")
    static final class ListDatasets implements Runnable {
        @Override
        public void run() {
            for (DatasetCatalog.Entry e : DatasetCatalog.list()) {
                System.out.printf("%-22s %s%n%-22s   from %s%s%n", e.name(), e.description(), "", e.source(),
                        e.available() ? "" : "  [not available on this machine]");
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print a dataset's size, shape, hash and per-slice counts; with --grid, draw samples.",
                "NAME is one of 'atelier datasets list' (fashion-mnist:test, portraits-32, samples, "
                        + "celeba:DIR, manifest:FILE.csv, …)."})
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "Dataset name.")
        String name;

        @Option(names = "--grid", paramLabel = "PNG", description = "Write a sample grid to this PNG file.")
        Path grid;

        @Option(names = "--by", paramLabel = "ATTR",
                description = "Group the grid by this slice column ('class' or an attribute such as skin_group).")
        String by;

        @Option(names = "--n", defaultValue = "8",
                description = "Samples per group with --by, else rows of 8 up to this many × 8 (default ${DEFAULT-VALUE}).")
        int n;

        @Option(names = "--size", defaultValue = "64",
                description = "Side in pixels that image folders are brought to (default ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--seed", defaultValue = "0", description = "Seed choosing the samples (default ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            if (n < 1 || n > 64) {
                throw new InvalidInputException("--n must be in 1..64, got " + n);
            }
            ImageDataset ds = DatasetCatalog.open(name, size);
            System.out.printf("%s: %d samples of %dx%dx%d%n", ds.id(), ds.size(), ds.channels(), ds.height(), ds.width());
            for (String column : Slices.columns(ds)) {
                Map<String, Integer> counts = Slices.counts(ds, column);
                StringBuilder line = new StringBuilder();
                counts.forEach((v, c) -> line.append(line.length() == 0 ? "" : ", ").append(v).append(' ').append(c));
                System.out.printf("  %-12s %s%n", column, line);
            }
            if (grid != null) {
                ImageFiles.writePng(by == null ? DatasetGrids.random(ds, n * 8, 8, seed)
                        : DatasetGrids.byColumn(ds, by, n, seed), grid);
                System.out.println("grid written to " + grid);
            } else if (by != null) {
                throw new InvalidInputException("--by needs --grid PNG to draw into");
            }
            return 0;
        }
    }
}
