package org.atelier.evaluation.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.evaluation.stats.Bootstrap;

/**
 * How a generator represents the values of one attribute, from a classifier's reading of its
 * samples: generated shares against the training shares (χ² goodness of fit and total variation
 * on the raw readings), raw and confusion-corrected ({@link ConfusionCorrection}) shares and
 * amplification factors with intervals, and the classifier's accuracy per
 * true value, since a classifier worse on one slice biases the reading of that slice.
 *
 * <p>Raw shares carry Wilson intervals, and raw factors those intervals divided by the training
 * share: the raw count is binomial, and the percentile bootstrap of a slice drawn 0 times would
 * give the empty interval [0, 0]. Corrected shares and factors carry percentile-bootstrap
 * intervals: each bootstrap replicate resamples the generated readings and, independently, the held-out
 * (true, predicted) pairs the confusion matrix is estimated from, so the corrected intervals carry
 * the uncertainty of the correction too. The training shares are taken as known (they come from
 * the ground truth of the whole training set). Written as one loop rather than with
 * {@link Bootstrap#replicates} because the two samples are resampled together.
 *
 * @param values             the attribute's values, in the classifier's order
 * @param raw                generated readings against the training shares
 * @param correctedTotalVariation total variation distance of the corrected shares from the training shares
 * @param amplification      value → its shares and factors
 * @param accuracy           the classifier's held-out accuracy per true value (a share frame)
 */
public record RepresentationAudit(String attribute, List<String> values, ShareComparison raw,
                                  double correctedTotalVariation, Map<String, Amplification> amplification,
                                  SliceFrame accuracy) {
    /**
     * @param trainingShares value → share in the generator's training set
     * @param heldOutTruth   true values of held-out labelled images
     * @param heldOutPred    the classifier's predictions for them
     * @param generatedPred  the classifier's predictions for the generated samples
     * @param o              bootstrap resamples, seed, level and minimum slice size (of the accuracy frame)
     */
    public static RepresentationAudit of(String attribute, List<String> values, Map<String, Double> trainingShares,
                                         List<String> heldOutTruth, List<String> heldOutPred, List<String> generatedPred,
                                         SliceOptions o) {
        if (generatedPred.isEmpty() || heldOutTruth.isEmpty()) {
            throw new InvalidInputException(attribute + ": need generated samples and held-out labelled images, got "
                    + generatedPred.size() + " and " + heldOutTruth.size());
        }
        Map<String, Double> reference = new LinkedHashMap<>();
        values.forEach(v -> reference.put(v, trainingShares.getOrDefault(v, 0.0)));
        Map<String, Integer> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.put(v, 0));
        generatedPred.forEach(v -> counts.merge(v, 1, Integer::sum));
        ShareComparison raw = ShareComparison.of(counts, reference, o.level());

        double[] rawShares = shares(generatedPred, values, null);
        double[] corrected = ConfusionCorrection.correct(rawShares,
                ConfusionCorrection.conditional(heldOutTruth, heldOutPred, values, null));
        double[][] corrReps = new double[o.bootstrap()][];
        SplittableRandom rng = new SplittableRandom(org.atelier.core.random.Seeds.derive(o.seed(), "audit/representation/" + attribute));
        int[] g = new int[generatedPred.size()];
        int[] h = new int[heldOutTruth.size()];
        for (int r = 0; r < o.bootstrap(); r++) {
            for (int i = 0; i < g.length; i++) {
                g[i] = rng.nextInt(g.length);
            }
            for (int i = 0; i < h.length; i++) {
                h[i] = rng.nextInt(h.length);
            }
            corrReps[r] = ConfusionCorrection.correct(shares(generatedPred, values, g),
                    ConfusionCorrection.conditional(heldOutTruth, heldOutPred, values, h));
        }
        Map<String, Amplification> amp = new LinkedHashMap<>();
        double tv = 0;
        for (int k = 0; k < values.size(); k++) {
            double t = reference.get(values.get(k));
            tv += Math.abs(corrected[k] - t);
            ShareComparison.Row row = raw.rows().get(values.get(k));
            // a value absent from the training set has no factor (NaN, written as null), only shares
            Amplification.Estimate none = new Amplification.Estimate(Double.NaN, Double.NaN, Double.NaN);
            amp.put(values.get(k), new Amplification(values.get(k), t,
                    new Amplification.Estimate(row.share(), row.ciLow(), row.ciHigh()),
                    t > 0 ? new Amplification.Estimate(row.share() / t, row.ciLow() / t, row.ciHigh() / t) : none,
                    estimate(corrected[k], corrReps, k, 1, o), t > 0 ? estimate(corrected[k] / t, corrReps, k, t, o) : none));
        }
        SliceFrame accuracy = AuditClassifier.accuracyBySlice(attribute, heldOutTruth, heldOutPred, o);
        return new RepresentationAudit(attribute, List.copyOf(values), raw, tv / 2, amp, accuracy);
    }

    /**
     * The slices on which the classifier is significantly less accurate than overall (adjusted
     * p below 0.05): readings of these slices are biased, and the corrected shares are the ones to trust.
     */
    public List<SliceStats> classifierWeakSlices() {
        return accuracy.estimated().stream()
                .filter(s -> s.value() < accuracy.overall().value() && s.pAdjusted() < 0.05).toList();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attribute", attribute);
        m.put("raw_vs_training", raw.toJson());
        m.put("corrected_total_variation", correctedTotalVariation);
        Map<String, Object> a = new LinkedHashMap<>();
        amplification.forEach((k, v) -> a.put(k, v.toJson()));
        m.put("amplification", a);
        m.put("classifier_accuracy_by_slice", accuracy.toJson());
        m.put("classifier_weak_slices", classifierWeakSlices().stream().map(SliceStats::name).toList());
        return m;
    }

    private static double[] shares(List<String> predicted, List<String> values, int[] rows) {
        double[] s = new double[values.size()];
        int n = rows == null ? predicted.size() : rows.length;
        for (int r = 0; r < n; r++) {
            int k = values.indexOf(predicted.get(rows == null ? r : rows[r]));
            if (k >= 0) {
                s[k]++;
            }
        }
        for (int k = 0; k < s.length; k++) {
            s[k] /= n;
        }
        return s;
    }

    private static Amplification.Estimate estimate(double value, double[][] reps, int k, double divisor, SliceOptions o) {
        double[] col = new double[reps.length];
        for (int r = 0; r < reps.length; r++) {
            col[r] = reps[r][k] / divisor;
        }
        Bootstrap.Interval ci = Bootstrap.percentile(col, o.level());
        return new Amplification.Estimate(value, ci.low(), ci.high());
    }
}
