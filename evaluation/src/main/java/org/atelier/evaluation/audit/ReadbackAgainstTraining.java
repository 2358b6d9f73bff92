package org.atelier.evaluation.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Slices;

/**
 * What a generator drew, as read back, against what it was trained on: for every attribute the
 * samples were not asked for, the share of each value read (Wilson 95 % interval) beside its share
 * in the model's training set (counted from its ground truth, so taken as known), and the
 * amplification factor, read share / training share, whose interval is the Wilson interval divided
 * by the training share (1 reproduces the training share, below 1 shrinks it, above 1 amplifies it).
 * Attributes the samples were asked for are left out: their shares follow the prompt, not the model.
 *
 * @param trainingSet the training set's id
 * @param attributes  attribute → read counts against the training shares, in read-back order
 */
public record ReadbackAgainstTraining(String trainingSet, Map<String, ShareComparison> attributes) {
    public ReadbackAgainstTraining {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Attributes of {@code read} that were open and that {@code training} holds. */
    public static ReadbackAgainstTraining of(AttributeReadback.Result read, ImageDataset training) {
        Map<String, ShareComparison> out = new LinkedHashMap<>();
        for (AttributeReadback.Attribute a : read.attributes()) {
            if (a.asked() != null || !training.attributeNames().contains(a.name())) {
                continue;
            }
            Map<String, Double> shares = new TreeMap<>(Slices::naturalOrder);
            Slices.counts(training, a.name()).forEach((v, c) -> shares.put(v, c / (double) training.size()));
            a.read().keySet().forEach(v -> shares.putIfAbsent(v, 0.0));
            Map<String, Integer> counts = new LinkedHashMap<>();
            shares.keySet().forEach(v -> counts.put(v, a.read().getOrDefault(v, 0)));
            out.put(a.name(), ShareComparison.of(counts, shares, ShareTable.LEVEL));
        }
        return new ReadbackAgainstTraining(training.id(), out);
    }

    /** Per attribute, per value: read share and interval, training share, amplification and its interval. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("training_set", trainingSet);
        Map<String, Object> per = new LinkedHashMap<>();
        attributes.forEach((name, c) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            c.rows().values().forEach(r -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("count", r.count());
                v.put("share", r.share());
                v.put("ci95", List.of(r.ciLow(), r.ciHigh()));
                v.put("training_share", r.reference());
                v.put("amplification", SliceStats.num(r.ratio()));
                v.put("amplification_ci95", r.reference() > 0
                        ? List.of(r.ciLow() / r.reference(), r.ciHigh() / r.reference()) : null);
                values.put(r.name(), v);
            });
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("values", values);
            a.put("chi_square_p", SliceStats.num(c.pValue()));
            a.put("total_variation", c.totalVariation());
            per.put(name, a);
        });
        m.put("attributes", per);
        return m;
    }

    /** Printable lines: per attribute a heading, then one line per value. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        attributes.forEach((name, c) -> {
            out.add(String.format(Locale.ROOT, "  %s against the training set (%s): chi-squared p %s, total variation %.1f %%",
                    name, trainingSet, Double.isFinite(c.pValue()) ? String.format(Locale.ROOT, "%.3g", c.pValue()) : "–",
                    100 * c.totalVariation()));
            c.rows().values().forEach(r -> out.add(String.format(Locale.ROOT,
                    "    %-10s read %5.1f %% [%5.1f, %5.1f]  training %5.1f %%  amplification %s", r.name(),
                    100 * r.share(), 100 * r.ciLow(), 100 * r.ciHigh(), 100 * r.reference(), r.reference() > 0
                            ? String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", r.ratio(), r.ciLow() / r.reference(),
                            r.ciHigh() / r.reference()) : "– (absent from the training set)")));
        });
        return out;
    }
}
