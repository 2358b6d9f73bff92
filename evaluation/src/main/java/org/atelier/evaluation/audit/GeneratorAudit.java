package org.atelier.evaluation.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.atelier.core.image.Image;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Slices;

/**
 * The representation audit of one generator on one attribute: the {@link AuditClassifier} reads
 * its samples, and {@link RepresentationAudit} compares the readings with the shares of the
 * generator's training set.
 *
 * @param readings the classifier's reading of each generated image, in order
 */
public record GeneratorAudit(RepresentationAudit representation, List<String> readings) {
    public static GeneratorAudit of(AuditClassifier classifier, Map<String, Double> trainingShares, List<Image> generated,
                                    SliceOptions o) {
        List<String> readings = classifier.read(generated, "generated sample");
        TreeSet<String> values = new TreeSet<>(Slices::naturalOrder);
        values.addAll(trainingShares.keySet());
        values.addAll(classifier.classifier().values());
        RepresentationAudit rep = RepresentationAudit.of(classifier.classifier().attribute(), List.copyOf(values),
                trainingShares, classifier.heldOutTruth(), classifier.heldOutPred(), readings, o);
        return new GeneratorAudit(rep, List.copyOf(readings));
    }

    /** The shares of {@code attribute} in {@code trainingSet}, counted from its ground truth. */
    public static Map<String, Double> shares(ImageDataset trainingSet, String attribute) {
        Map<String, Double> out = new LinkedHashMap<>();
        Slices.counts(trainingSet, attribute).forEach((v, c) -> out.put(v, c / (double) trainingSet.size()));
        return out;
    }
}
