package org.atelier.experiments.sweep;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.atelier.experiments.compare.GenerationScoring;
import org.atelier.experiments.compare.ModelScores;
import org.atelier.models.features.FmnistV1;
import org.atelier.training.Runs;

/**
 * The work of one piece of a sweep, the same in-process and in a Spark task: load the extractor
 * and the model once, then for each point draw its N samples, run them through the extractor and
 * score them as {@code atelier compare} does ({@link GenerationScoring}: FID with its bootstrap
 * interval and FID∞ from the features' float64 sums, KID and PRDC, class read-back). What leaves
 * the piece is one {@link ModelScores} row per point — the scores and the first 40 samples —
 * so whoever gathers the rows holds no features, whatever N.
 */
public final class SweepTask {
    private SweepTask() {
    }

    /** Scores {@code points} in order; {@code progress} hears one line per point. */
    public static List<ModelScores> score(SweepConfig cfg, Iterator<SweepPoint> points, Consumer<String> progress) {
        FmnistV1 extractor = FmnistV1.load();
        Runs.Loaded loaded = GenerationScoring.load(cfg.model());
        GenerationScoring scoring = null;
        List<ModelScores> rows = new ArrayList<>();
        while (points.hasNext()) {
            SweepPoint p = points.next();
            progress.accept(p.label() + ", " + cfg.n() + " samples");
            // the reference features do not depend on the seed: computed once per piece
            scoring = scoring == null ? new GenerationScoring(extractor, cfg.n(), cfg.fidResamples(), p.seed())
                    : scoring.seeded(p.seed());
            rows.add(scoring.score(p.asModel(cfg.model()), loaded));
        }
        return rows;
    }
}
