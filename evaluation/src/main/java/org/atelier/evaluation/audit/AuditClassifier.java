package org.atelier.evaluation.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Slices;
import org.atelier.models.features.FeatureExtractor;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.ConfusionMatrix;
import org.tribuo.classification.evaluation.LabelEvaluation;

/**
 * The attribute classifier of a representation audit, trained and evaluated once for every
 * generator it reads: a Tribuo {@link AttributeClassifier} learns from the extractor's features of
 * the first {@code trainCount} images of {@code labelled} and Tribuo evaluates it on the next
 * {@code heldOutCount}; those held-out readings give its accuracy, its confusion matrix and the
 * correction of generated shares.
 *
 * @param heldOutTruth  the true values of the held-out images
 * @param heldOutPred   the classifier's readings of them
 * @param accuracy      Tribuo's held-out accuracy
 * @param confusion     Tribuo's confusion matrix: true value → predicted value → count
 */
public record AuditClassifier(AttributeClassifier classifier, FeatureExtractor extractor, String labelled,
                              int trainCount, int heldOutCount, List<String> heldOutTruth, List<String> heldOutPred,
                              double accuracy, Map<String, Map<String, Integer>> confusion) {
    /**
     * @throws InvalidInputException when {@code labelled} lacks the attribute or holds fewer than
     *                               {@code trainCount + heldOutCount} images
     */
    public static AuditClassifier train(String attribute, ImageDataset labelled, int trainCount, int heldOutCount,
                                        FeatureExtractor extractor, long seed) {
        if (!Slices.columns(labelled).contains(attribute)) {
            throw new InvalidInputException(labelled.id() + " has no attribute '" + attribute + "'; it has "
                    + String.join(", ", Slices.columns(labelled)));
        }
        if (labelled.size() < trainCount + heldOutCount) {
            throw new InvalidInputException(labelled.id() + " holds " + labelled.size() + " images, fewer than the "
                    + trainCount + " to train the classifier on plus " + heldOutCount + " to evaluate it");
        }
        List<String> trainLabels = new ArrayList<>();
        float[][] trainFeatures = features(labelled, 0, trainCount, attribute, extractor, trainLabels);
        List<String> heldLabels = new ArrayList<>();
        float[][] heldFeatures = features(labelled, trainCount, heldOutCount, attribute, extractor, heldLabels);
        AttributeClassifier c = AttributeClassifier.train(attribute, trainFeatures, trainLabels,
                labelled.id() + " [0, " + trainCount + ") via " + extractor.id(), Seeds.derive(seed, "audit/classifier"));
        LabelEvaluation eval = c.evaluate(heldFeatures, heldLabels,
                labelled.id() + " [" + trainCount + ", " + (trainCount + heldOutCount) + ")");
        List<String> values = new ArrayList<>(c.values());
        values.sort(Slices::naturalOrder);
        return new AuditClassifier(c, extractor, labelled.id(), trainCount, heldOutCount, List.copyOf(heldLabels),
                AttributeClassifier.predicted(eval), eval.accuracy(), confusion(eval.getConfusionMatrix(), values));
    }

    /** The classifier's reading of images (each prepared for the extractor first). */
    public List<String> read(List<Image> images, String what) {
        return classifier.predict(features(images, what));
    }

    /**
     * The extractor's features of images, 256 at a time (bounded memory); {@code what} names
     * them in a refusal.
     */
    public float[][] features(List<Image> images, String what) {
        float[][] out = new float[images.size()][];
        for (int from = 0; from < images.size(); from += 256) {
            List<Image> prepared = new ArrayList<>();
            for (int i = from; i < Math.min(images.size(), from + 256); i++) {
                prepared.add(extractor.prepare(images.get(i), what + " " + i));
            }
            float[][] f = extractor.features(prepared);
            System.arraycopy(f, 0, out, from, f.length);
        }
        return out;
    }

    /**
     * The held-out accuracy per true value, as a share frame: each slice's accuracy with its Wilson
     * interval, its difference to the overall accuracy and a χ² test against the other slices, adjusted
     * as {@code o} says. A slice read worse than the rest has its raw generated share biased.
     */
    public SliceFrame accuracyBySlice(SliceOptions o) {
        return accuracyBySlice(classifier.attribute(), heldOutTruth, heldOutPred, o);
    }

    /** {@link #accuracyBySlice(SliceOptions)} from aligned true values and readings. */
    static SliceFrame accuracyBySlice(String attribute, List<String> truth, List<String> predicted, SliceOptions o) {
        double[] correct = new double[truth.size()];
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < correct.length; i++) {
            correct[i] = truth.get(i).equals(predicted.get(i)) ? 1 : 0;
            rows.add(Map.of(attribute, truth.get(i)));
        }
        return SliceFrame.of("classifier_correct", correct, rows, List.of(attribute),
                o.withMeasure(SliceOptions.Measure.SHARE).withReference(SliceOptions.Reference.OVERALL));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "Tribuo LinearSGDTrainer (multinomial logistic, AdaGrad), standardised " + extractor.id() + " features");
        m.put("labelled", labelled);
        m.put("train_images", trainCount);
        m.put("held_out_images", heldOutCount);
        m.put("held_out_accuracy", accuracy);
        m.put("confusion_true_to_predicted", confusion);
        m.put("provenance", classifier.provenance());
        return m;
    }

    private static float[][] features(ImageDataset ds, int from, int count, String attribute, FeatureExtractor extractor,
                                      List<String> labels) {
        List<Image> images = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            var s = ds.get(i);
            images.add(extractor.prepare(s.image(), ds.id() + " sample " + i));
            labels.add(s.attributes().get(attribute));
        }
        return extractor.features(images);
    }

    private static Map<String, Map<String, Integer>> confusion(ConfusionMatrix<Label> m, List<String> values) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (String t : values) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (String p : values) {
                row.put(p, (int) m.confusion(new Label(p), new Label(t)));
            }
            out.put(t, row);
        }
        return out;
    }
}
