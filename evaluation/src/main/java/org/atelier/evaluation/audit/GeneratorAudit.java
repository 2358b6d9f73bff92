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
 * The representation audit of a generator on one attribute: a Tribuo {@link AttributeClassifier}
 * is trained on the extractor's features of real labelled images (the first {@code trainCount} of
 * {@code labelled}), evaluated by Tribuo on the next {@code heldOutCount}, and reads the generated
 * images; {@link RepresentationAudit} compares its readings with the training shares.
 *
 * @param classifierAccuracy Tribuo's held-out accuracy
 * @param confusion          Tribuo's confusion matrix: true value → predicted value → count
 * @param provenance         Tribuo's provenance of the trained classifier
 */
public record GeneratorAudit(RepresentationAudit representation, double classifierAccuracy,
                             Map<String, Map<String, Integer>> confusion, int trainCount, int heldOutCount,
                             String extractor, String provenance) {
    /**
     * @param labelled       real images carrying the attribute (a generator's training set, or a manifest)
     * @param trainingShares value → share of the attribute in the generator's training set
     * @param generated      the generator's samples, in the extractor's native input
     * @throws InvalidInputException when {@code labelled} holds fewer than {@code trainCount + heldOutCount}
     *                               images or lacks the attribute
     */
    public static GeneratorAudit of(String attribute, ImageDataset labelled, int trainCount, int heldOutCount,
                                    Map<String, Double> trainingShares, List<Image> generated, FeatureExtractor extractor,
                                    SliceOptions o) {
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
        AttributeClassifier classifier = AttributeClassifier.train(attribute, trainFeatures, trainLabels,
                labelled.id() + " [0, " + trainCount + ") via " + extractor.id(), Seeds.derive(o.seed(), "audit/classifier"));
        LabelEvaluation eval = classifier.evaluate(heldFeatures, heldLabels,
                labelled.id() + " [" + trainCount + ", " + (trainCount + heldOutCount) + ")");
        List<String> heldPred = AttributeClassifier.predicted(eval);
        List<String> values = orderedValues(classifier.values(), trainingShares);
        List<String> generatedPred = classifier.predict(featuresOf(generated, extractor, "generated sample"));
        RepresentationAudit rep = RepresentationAudit.of(attribute, values, trainingShares, heldLabels, heldPred,
                generatedPred, o);
        return new GeneratorAudit(rep, eval.accuracy(), confusion(eval.getConfusionMatrix(), values), trainCount,
                heldOutCount, extractor.id(), classifier.provenance());
    }

    /** The training shares of {@code attribute} in {@code trainingSet}, counted from its ground truth. */
    public static Map<String, Double> shares(ImageDataset trainingSet, String attribute) {
        Map<String, Double> out = new LinkedHashMap<>();
        Slices.counts(trainingSet, attribute).forEach((v, c) -> out.put(v, c / (double) trainingSet.size()));
        return out;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classifier", Map.of("kind", "Tribuo LinearSGDTrainer (multinomial logistic, AdaGrad), standardised "
                        + extractor + " features", "train_images", trainCount, "held_out_images", heldOutCount,
                "held_out_accuracy", classifierAccuracy, "confusion_true_to_predicted", confusion));
        m.putAll(representation.toJson());
        m.put("classifier_provenance", provenance);
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

    private static float[][] featuresOf(List<Image> images, FeatureExtractor extractor, String what) {
        List<Image> prepared = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            prepared.add(extractor.prepare(images.get(i), what + " " + i));
        }
        return extractor.features(prepared);
    }

    /** Every value of the training shares or the classifier, in natural order (as slice tables list them). */
    private static List<String> orderedValues(List<String> classifierValues, Map<String, Double> trainingShares) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(Slices::naturalOrder);
        all.addAll(trainingShares.keySet());
        all.addAll(classifierValues);
        return List.copyOf(all);
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
