package org.atelier.evaluation.audit;

import java.util.ArrayList;
import java.util.List;
import org.atelier.core.errors.InvalidInputException;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * A Tribuo classifier of one attribute (say {@code skin_group}) on the feature vectors of a fixed
 * extractor: multinomial logistic regression trained by SGD with AdaGrad
 * ({@code tribuo-classification-sgd}), features standardised by Tribuo's mean/standard-deviation
 * transformation fitted on the training set. Tribuo keeps the model's provenance (trainer, its
 * configuration and seed, the data's description) inside the model; {@link #provenance()} shows it.
 *
 * <p>Why a linear model on fixed features rather than the extractor's own head: an auditor can
 * retrain it on the labelled images they bring, in seconds, and its errors are visible in Tribuo's
 * confusion matrix, which the audit then corrects for ({@link ConfusionCorrection}).
 */
public final class AttributeClassifier {
    /** Passes over the training set; the loss of 256 standardised features has flattened well before. */
    public static final int EPOCHS = 15;
    public static final double LEARNING_RATE = 0.5;

    /**
     * Tribuo logs every training (sizes, outputs, transformations) at INFO through
     * java.util.logging, which would interleave with the audit's own output; it is raised to
     * WARNING unless someone configured it. Held in a field: JUL keeps loggers only weakly.
     */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        if (TRIBUO_LOG.getLevel() == null) {
            TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
        }
    }

    private final String attribute;
    private final Model<Label> model;
    private final int[] kept;
    private final String[] names;

    private AttributeClassifier(String attribute, Model<Label> model, int[] kept) {
        this.attribute = attribute;
        this.model = model;
        this.kept = kept;
        this.names = featureNames(kept);
    }

    /**
     * @param features one row per labelled image
     * @param labels   the attribute's value of each image, aligned with {@code features}
     * @param source   a description of the images, kept in the model's provenance
     * @throws InvalidInputException when rows and labels are not aligned, or fewer than two values occur
     */
    public static AttributeClassifier train(String attribute, float[][] features, List<String> labels, String source,
                                            long seed) {
        if (features.length != labels.size() || features.length == 0) {
            throw new InvalidInputException(attribute + ": " + features.length + " feature rows and " + labels.size()
                    + " labels; need as many of each, at least one");
        }
        if (labels.stream().distinct().count() < 2) {
            throw new InvalidInputException(attribute + ": the labelled images show only " + labels.stream().distinct().toList()
                    + "; a classifier needs at least two values");
        }
        // logging interval -1: Tribuo logs no losses
        LinearSGDTrainer sgd = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE, 0.1), EPOCHS, -1, 1,
                seed);
        Trainer<Label> trainer = new TransformTrainer<>(sgd, new TransformationMap(List.of(new MeanStdDevTransformation())));
        int[] kept = varying(features);
        return new AttributeClassifier(attribute, trainer.train(dataset(features, labels, attribute + " of " + source,
                kept, featureNames(kept))), kept);
    }

    public String attribute() {
        return attribute;
    }

    /** The values the classifier can predict, in Tribuo's domain order. */
    public List<String> values() {
        List<String> out = new ArrayList<>();
        model.getOutputIDInfo().getDomain().forEach(l -> out.add(l.getLabel()));
        return out;
    }

    /** The predicted value of each row. */
    public List<String> predict(float[][] features) {
        List<String> out = new ArrayList<>(features.length);
        for (float[] row : features) {
            out.add(model.predict(example(LabelFactory.UNKNOWN_LABEL, row, kept, names)).getOutput().getLabel());
        }
        return out;
    }

    /** Tribuo's evaluation on labelled rows the classifier was not trained on. */
    public LabelEvaluation evaluate(float[][] features, List<String> labels, String source) {
        return new LabelEvaluator().evaluate(model, dataset(features, labels, attribute + " of " + source, kept, names));
    }

    /** The predictions of an evaluation, aligned with its rows: for per-slice accuracy and the correction. */
    public static List<String> predicted(LabelEvaluation e) {
        List<String> out = new ArrayList<>();
        for (Prediction<Label> p : e.getPredictions()) {
            out.add(p.getOutput().getLabel());
        }
        return out;
    }

    /** Tribuo's provenance of the model: trainer class and configuration, seed, data description, time. */
    public String provenance() {
        return model.getProvenance().toString();
    }

    private static MutableDataset<Label> dataset(float[][] features, List<String> labels, String description, int[] kept,
                                                 String[] names) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        for (int i = 0; i < features.length; i++) {
            ds.add(example(new Label(labels.get(i)), features[i], kept, names));
        }
        return ds;
    }

    private static Example<Label> example(Label label, float[] row, int[] kept, String[] names) {
        double[] values = new double[kept.length];
        for (int j = 0; j < kept.length; j++) {
            values[j] = row[kept[j]];
        }
        return new ArrayExample<>(label, names, values);
    }

    /**
     * The columns that vary over the training rows. A constant column (a ReLU unit that never fires
     * on these images) carries nothing, and its standard deviation of 0 would make Tribuo's
     * standardisation divide by zero.
     */
    private static int[] varying(float[][] features) {
        return java.util.stream.IntStream.range(0, features[0].length).filter(j -> {
            for (float[] row : features) {
                if (row[j] != features[0][j]) {
                    return true;
                }
            }
            return false;
        }).toArray();
    }

    /** f0000, f0001, …: zero-padded so that Tribuo's sorted feature order is the vector's order. */
    private static String[] featureNames(int[] columns) {
        String[] names = new String[columns.length];
        for (int j = 0; j < columns.length; j++) {
            names[j] = String.format("f%04d", columns[j]);
        }
        return names;
    }
}
