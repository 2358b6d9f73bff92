package org.atelier.evaluation.fidelity;

import java.util.Locale;
import java.util.Map;

/**
 * Fidelity results as fixed-width text, as the commands print them and a notebook cell can show
 * them: a {@link FidelityReport} by region and hole-area bin, a {@link FidelityComparison} row by
 * row with its verdicts.
 */
public final class FidelityTables {
    private FidelityTables() {
    }

    /** The scores by region (mean ± std), then the hole region by hole-area bin. */
    public static String of(FidelityReport r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%d images; %s; band %d px; perceptual network: %s%n", r.images().size(),
                r.composited() ? "composited (original pasted outside the hole)" : "not composited (raw output scored)",
                r.bandPx(), r.perceptualNetwork()));
        s.append(String.format(Locale.ROOT, "%-7s", "region"));
        for (String m : RegionScores.METRICS) {
            s.append(String.format(Locale.ROOT, " %18s", m));
        }
        s.append(System.lineSeparator());
        for (Region region : Region.values()) {
            Map<String, Summary> m = r.overall().get(region);
            if (m == null) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "%-7s", region.key()));
            for (String metric : RegionScores.METRICS) {
                s.append(String.format(Locale.ROOT, " %18s", cell(m.get(metric))));
            }
            s.append(System.lineSeparator());
        }
        if (!r.bins().isEmpty()) {
            s.append(String.format(Locale.ROOT, "%nby hole area (hole region): %-8s %6s %10s %8s %11s%n", "bin", "images",
                    "psnr", "ssim", "perceptual"));
            for (FidelityReport.AreaBin b : r.bins()) {
                Map<String, Summary> h = b.scores().get(Region.HOLE);
                s.append(String.format(Locale.ROOT, "%27s %-8s %6d %10s %8s %11s%n", "", b.name(), b.images(),
                        mean(h, "psnr"), mean(h, "ssim"), mean(h, "perceptual")));
            }
        }
        return s.toString();
    }

    /** B − A per region and metric with its interval, p-value and verdict. */
    public static String of(FidelityComparison c) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "A: %s%nB: %s%n%d images paired by name, same holes; B - A with a "
                + "%d-resample bootstrap 95 %% interval (seed %d) and a two-sided paired t-test%n", c.a(), c.b(),
                c.images(), c.resamples(), c.seed()));
        s.append(String.format(Locale.ROOT, "%-6s %-10s %10s %10s %10s %22s %9s  %s%n", "region", "metric", "A", "B",
                "B - A", "95 % interval", "p", "verdict"));
        c.byRegion().forEach((region, metrics) -> metrics.forEach((metric, p) -> s.append(p.n() == 0
                ? String.format(Locale.ROOT, "%-6s %-10s not finite in any pair (e.g. an identical region's PSNR)%n",
                        region, metric)
                : String.format(Locale.ROOT, "%-6s %-10s %10.4f %10.4f %+10.4f %22s %9s  %s%s%n", region, metric,
                        p.meanA(), p.meanB(), p.meanDiff(),
                        String.format(Locale.ROOT, "[%+.4f, %+.4f]", p.ciLow(), p.ciHigh()),
                        Double.isNaN(p.pValue()) ? "n/a" : String.format(Locale.ROOT, "%.2g", p.pValue()),
                        FidelityComparison.verdict(metric, p),
                        p.excluded() > 0 ? " (" + p.excluded() + " pairs not finite, left out)" : ""))));
        return s.toString();
    }

    /** mean ± std; a PSNR of identical pixels is infinite, which says more as words than as "Infinity ± NaN". */
    private static String cell(Summary x) {
        if (x.count() == 0) {
            return "n/a";
        }
        if (Double.isInfinite(x.mean())) {
            return "inf (identical)";
        }
        return String.format(Locale.ROOT, "%.4f ± %.4f", x.mean(), x.std());
    }

    private static String mean(Map<String, Summary> m, String metric) {
        if (m == null || m.get(metric).count() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.4f", m.get(metric).mean());
    }
}
