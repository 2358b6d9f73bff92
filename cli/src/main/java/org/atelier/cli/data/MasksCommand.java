package org.atelier.cli.data;

import java.util.Map;
import java.util.LinkedHashMap;
import org.atelier.core.image.CaptionStrip;
import org.atelier.core.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.image.ImageGrid;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.masks.Mask;
import org.atelier.datasets.masks.MaskGenerator;
import org.atelier.datasets.masks.MaskKinds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier masks …}: the inpainting mask kinds. */
@Command(name = "masks", mixinStandardHelpOptions = true,
        description = "Inpainting masks (1 = hole to fill, 0 = keep): list the kinds, preview one.",
        subcommands = {MasksCommand.ListKinds.class, MasksCommand.Preview.class})
public final class MasksCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the mask kinds and their options.")
    static final class ListKinds implements Runnable {
        @Override
        public void run() {
            System.out.print(MaskKinds.usage());
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = {"Draw N masks of one kind into a grid PNG (white = hole) and print their hole areas.",
                "Kinds: thin, medium, thick (LaMa's irregular strokes), center-box, random-boxes, "
                        + "outpaint:left=8,right=8, half:left, every-second-line; see 'atelier masks list'."})
    static final class Preview implements Callable<Integer> {
        @Option(names = "--kind", required = true, description = "Mask kind, e.g. thick or outpaint:all=4.")
        String kind;

        @Option(names = "--n", defaultValue = "16", description = "How many masks (default ${DEFAULT-VALUE}).")
        int n;

        @Option(names = "--size", defaultValue = "64", description = "Side in pixels (default ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the draws (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, description = "PNG file to write.")
        Path out;

        @Option(names = "--json", description = "Print the summary as JSON.")
        boolean json;

        @Override
        public Integer call() {
            if (n < 1 || n > 1024) {
                throw new InvalidInputException("--n must be in 1..1024, got " + n);
            }
            if (size < 4 || size > 1024) {
                throw new InvalidInputException("--size must be in 4..1024, got " + size);
            }
            MaskGenerator gen = MaskKinds.parse(kind);
            SplittableRandom rng = new SplittableRandom(seed);
            List<Image> images = new ArrayList<>();
            double total = 0;
            for (int i = 0; i < n; i++) {
                Mask m = gen.generate(size, size, rng);
                total += m.holeFraction();
                images.add(m.toImage());
            }
            int columns = (int) Math.ceil(Math.sqrt(n));
            ImageFiles.writePng(CaptionStrip.above(ImageGrid.of(images, columns, Math.max(1, 128 / size)),
                    String.format("%d masks of kind %s, %dx%d, white = hole, mean hole area %.1f%% · seed %d",
                            n, gen.kind(), size, size, 100 * total / n, seed)), out);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", gen.kind());
                m.put("n", n);
                m.put("size", size);
                m.put("seed", seed);
                m.put("mean_hole_fraction", total / n);
                m.put("out", out.toString());
                System.out.println(Json.pretty(m));
            } else {
                System.out.printf("%s: %d masks of %dx%d, mean hole area %.1f%%, written to %s%n",
                        gen.kind(), n, size, size, 100 * total / n, out);
            }
            return 0;
        }
    }
}
