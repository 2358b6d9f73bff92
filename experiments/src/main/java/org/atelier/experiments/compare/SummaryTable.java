package org.atelier.experiments.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.evaluation.distribution.SampleSizeAdvice;
import org.atelier.evaluation.stats.Bootstrap;

/**
 * The generation summary: models as rows, metrics with their intervals as columns. A column's best
 * value is marked (★) only where its interval lies wholly on the better side of every other
 * model's interval; columns without an interval (FID∞, PRDC) are never marked.
 */
public final class SummaryTable {
    public static final List<String> HEADER = List.of("model", "sampling", "N", "FID [95 % CI]", "FID∞", "KID ×10³ [95 % CI]",
            "precision", "recall", "density", "coverage", "class read-back [95 % CI]", "s / image", "parameters",
            "training");

    private SummaryTable() {
    }

    public static List<List<String>> rows(List<ModelScores> models) {
        int bestFid = separatedBest(models.stream().map(m -> m.fid().fidInterval()).toList(), false);
        int bestKid = separatedBest(models.stream().map(ModelScores::kidInterval).toList(), false);
        List<Bootstrap.Interval> readback = models.stream().map(m -> m.readback() == null ? null
                : new Bootstrap.Interval(m.readback().overall().ciLow(), m.readback().overall().ciHigh(), 0.95, 0)).toList();
        int bestReadback = separatedBest(readback, true);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            ModelScores m = models.get(i);
            var f = m.fid();
            var k = m.kidPrdc();
            String fid = String.format(Locale.ROOT, "%.2f [%.2f, %.2f]%s%s", f.fid(), f.fidInterval().low(),
                    f.fidInterval().high(), i == bestFid ? " ★" : "", f.nA() < f.dimension() ? " (N < d: biased)" : "");
            String rb = m.readback() == null ? "— (unconditional)" : String.format(Locale.ROOT, "%.1f %% [%.1f, %.1f]%s",
                    100 * m.readback().overall().share(), 100 * m.readback().overall().ciLow(),
                    100 * m.readback().overall().ciHigh(), i == bestReadback ? " ★" : "");
            rows.add(List.of(m.label(), m.drawn(), Long.toString(f.nA()), fid,
                    f.fidInf() == null ? "n/a (N < 100)" : String.format(Locale.ROOT, "%.2f", f.fidInf()),
                    String.format(Locale.ROOT, "%.2f [%.2f, %.2f]%s", 1e3 * k.kid().mean(), 1e3 * m.kidInterval().low(),
                            1e3 * m.kidInterval().high(), i == bestKid ? " ★" : ""),
                    num(k.prdc().precision()), num(k.prdc().recall()), num(k.prdc().density()), num(k.prdc().coverage()),
                    rb, String.format(Locale.ROOT, "%.3f", m.secondsPerImage()),
                    m.parameters() == null ? "—" : String.format(Locale.ROOT, "%,d", m.parameters()), training(m)));
        }
        return rows;
    }

    /** For each pair of models whose FID intervals overlap: how many samples each would need to separate them. */
    static List<String> nNeeded(List<ModelScores> models) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            for (int j = i + 1; j < models.size(); j++) {
                Bootstrap.Interval a = models.get(i).fid().fidInterval();
                Bootstrap.Interval b = models.get(j).fid().fidInterval();
                if (a.high() < b.low() || b.high() < a.low()) {
                    continue;
                }
                long n = models.get(i).fid().nA();
                long need = SampleSizeAdvice.needed(n, (a.high() - a.low()) / 2, (b.high() - b.low()) / 2,
                        models.get(i).fid().fid() - models.get(j).fid().fid());
                lines.add(String.format(Locale.ROOT, "%s vs %s: FID intervals overlap at N = %d; if the difference of "
                                + "%.2f holds, about N = %s samples each would separate them.", models.get(i).label(),
                        models.get(j).label(), n, Math.abs(models.get(i).fid().fid() - models.get(j).fid().fid()),
                        need == Long.MAX_VALUE ? "∞" : Long.toString(need)));
            }
        }
        return lines;
    }

    /** The index whose interval is strictly better than every other one, or -1. */
    static int separatedBest(List<Bootstrap.Interval> intervals, boolean higherIsBetter) {
        int best = -1;
        int present = 0;
        for (int i = 0; i < intervals.size(); i++) {
            Bootstrap.Interval c = intervals.get(i);
            if (c == null) {
                continue;
            }
            present++;
            boolean beatsAll = true;
            for (int j = 0; j < intervals.size(); j++) {
                Bootstrap.Interval o = intervals.get(j);
                if (j != i && o != null) {
                    beatsAll &= higherIsBetter ? c.low() > o.high() : c.high() < o.low();
                }
            }
            if (beatsAll) {
                best = i;
            }
        }
        return present >= 2 ? best : -1;
    }

    private static String training(ModelScores m) {
        if (m.trainingSteps() == null) {
            return "—";
        }
        String steps = m.configuredSteps() != null && m.configuredSteps() > m.trainingSteps()
                ? m.trainingSteps() + " of " + m.configuredSteps() + " steps" : m.trainingSteps() + " steps";
        return m.trainSeconds() == null ? steps : String.format(Locale.ROOT, "%s, %.1f h", steps, m.trainSeconds() / 3600);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
