package org.atelier.cli.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Json;
import org.atelier.datasets.DatasetCatalog;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.LossProbe;
import org.atelier.training.Runs;
import org.atelier.training.publish.ModelSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier loss-profile RUN [--data fashion-mnist:test] [--per-bin 512] [--edges 0,10,50,200,500,1000]}. */
@Command(name = "loss-profile", mixinStandardHelpOptions = true,
        description = {"A diffusion model's training loss by timestep: the mean squared error of its output (eps or v) "
                + "on held-out images, per bin of timesteps, on a fixed probe set (same images, timesteps and noise "
                + "every time; benchmarks/pytorch/fashion.py draws the same set for the PyTorch yardstick)."})
public final class LossProfileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "A ddpm run folder or checkpoint, or a published model.")
    Path run;

    @Option(names = "--data", defaultValue = "fashion-mnist:test", paramLabel = "DATASET",
            description = "Held-out images (default ${DEFAULT-VALUE}); the first --per-bin are used.")
    String data;

    @Option(names = "--per-bin", defaultValue = "512", paramLabel = "K", description = "Probes per bin (default ${DEFAULT-VALUE}).")
    int perBin;

    @Option(names = "--edges", split = ",", paramLabel = "E0,E1,...",
            description = "Bin edges over the timesteps, increasing (default 0,10,50,200,500,T).")
    int[] edges;

    @Option(names = "--unconditional", description = "Feed the null condition instead of each image's own.")
    boolean unconditional;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        Runs.Loaded loaded = ModelSources.load(run);
        if (!(loaded.model() instanceof DiffusionModel model)) {
            throw new InvalidInputException(loaded.dir().root() + " is a " + loaded.config().model().familyId()
                    + " run; the loss profile needs a ddpm run");
        }
        List<LossProbe.Bin> bins;
        List<LossProbe.Row> rows;
        try {
            bins = edges == null ? LossProbe.defaultBins(model.schedule().steps()) : LossProbe.bins(edges);
            rows = LossProbe.measure(model, DatasetCatalog.open(data, model.width()), bins, perBin, unconditional);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (LossProbe.Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("lo", r.bin().lo());
                m.put("hi", r.bin().hi());
                m.put("n", r.n());
                m.put("mse", r.mse());
                m.put("se", r.standardError());
                out.add(m);
            }
            System.out.println(Json.line(Map.of("model", loaded.checkpoint().toString(), "bins", out)));
            return 0;
        }
        System.out.printf("%s, %s, %d probes per bin%s%n", loaded.checkpoint(), data, perBin,
                unconditional ? ", null condition" : "");
        System.out.printf("%-10s %10s %10s%n", "t", "mse", "± se");
        for (LossProbe.Row r : rows) {
            System.out.printf("%-10s %10.5f %10.5f%n", r.bin(), r.mse(), r.standardError());
        }
        return 0;
    }
}
