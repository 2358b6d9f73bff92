package org.atelier.cli.data;

import java.util.LinkedHashMap;
import org.atelier.core.image.CaptionStrip;
import org.atelier.core.io.Json;
import org.atelier.cli.OldSpellings;
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
        @Option(names = "--json", description = "Print JSON (one object per dataset name) instead of text.")
        boolean json;

        @Override
        public void run() {
            if (json) {
                System.out.println(Json.pretty(DatasetCatalog.list()));
                return;
            }
            for (DatasetCatalog.Entry e : DatasetCatalog.list()) {
                System.out.printf("%-22s %s%n%-22s   from %s%s%n", e.name(), e.description(), "", e.source(),
                        e.available() ? "" : "  [not available on this machine]");
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print a dataset's size, shape, hash and per-slice counts; with --out, draw samples.",
                "NAME is one of 'atelier datasets list' (fashion-mnist:test, portraits-32, samples, "
                        + "celeba:DIR, manifest:FILE.csv, …)."})
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "Dataset name.")
        String name;

        @Option(names = "--out", paramLabel = "PNG", description = "Write a sample grid to this PNG file.")
        Path out;

        @Option(names = "--grid", hidden = true, paramLabel = "PNG")
        void oldGrid(Path v) {
            out = OldSpellings.use("--grid", "--out", v);
        }

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

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
            if (by != null && out == null) {
                throw new InvalidInputException("--by needs --out PNG to draw into");
            }
            ImageDataset ds = DatasetCatalog.open(name, size);
            Map<String, Map<String, Integer>> slices = new LinkedHashMap<>();
            for (String column : Slices.columns(ds)) {
                slices.put(column, Slices.counts(ds, column));
            }
            if (out != null) {
                String caption = ds.id() + (by == null ? " · " + n * 8 + " random samples" : " · " + n + " per value of " + by)
                        + " · seed " + seed;
                ImageFiles.writePng(CaptionStrip.above(by == null ? DatasetGrids.random(ds, n * 8, 8, seed)
                        : DatasetGrids.byColumn(ds, by, n, seed), caption), out);
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", ds.id());
                m.put("size", ds.size());
                m.put("shape", new int[] {ds.channels(), ds.height(), ds.width()});
                m.put("content_sha256", ds.contentHash());
                m.put("slice_counts", slices);
                m.put("grid", out == null ? null : out.toString());
                System.out.println(Json.pretty(m));
                return 0;
            }
            System.out.printf("%s: %d samples of %dx%dx%d%n", ds.id(), ds.size(), ds.channels(), ds.height(), ds.width());
            slices.forEach((column, counts) -> {
                StringBuilder line = new StringBuilder();
                counts.forEach((v, c) -> line.append(line.length() == 0 ? "" : ", ").append(v).append(' ').append(c));
                System.out.printf("  %-12s %s%n", column, line);
            });
            if (out != null) {
                System.out.println("grid written to " + out);
            }
            return 0;
        }
    }
}
