package org.atelier.evaluation.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.image.Image;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.ConditionSlot;
import org.atelier.models.diffusion.ConditionSpace;
import org.atelier.models.diffusion.ConditioningKind;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.features.PortraitsCnn;
import org.atelier.models.features.PortraitsV1;
import org.atelier.models.sampling.Samples;
import org.atelier.models.sampling.Sampling;

/**
 * Whether a portraits model draws what it was asked for: every sample is read back by the
 * {@code portraits-v1} classifier (one head per attribute, 99–100 % held-out accuracy on rendered
 * portraits), and for each attribute the prompt named, the samples showing the asked value are
 * counted, with a Wilson 95 % interval (a handful of samples per prompt is the usual case, where
 * the normal approximation misleads). For the attributes the prompt left open, the shares of the
 * values read are given instead, so an unprompted draw shows what the model makes by itself.
 *
 * <p>The reading is only as good as the classifier, which was trained on the renderer's faces:
 * a blurred or broken sample is still given some value, so "matched" means "read as", not "is".
 */
public final class AttributeReadback {
    /** One attribute: the asked value (null when the prompt left it open) and what the classifier read. */
    public record Attribute(String name, String asked, Map<String, Integer> read, int n) {
        /** Samples read as the asked value; 0 when nothing was asked. */
        public int matched() {
            return asked == null ? 0 : read.getOrDefault(asked, 0);
        }

        /** Wilson 95 % interval of the share read as the asked value. */
        public ConfidenceInterval interval() {
            return ShareTable.wilson(n, matched());
        }
    }

    /**
     * @param attributes every attribute both the model and the classifier know, in the model's order
     * @param allMatched samples read as every asked value at once
     */
    public record Result(List<Attribute> attributes, int allMatched, int n) {
        public boolean askedAnything() {
            return attributes.stream().anyMatch(a -> a.asked() != null);
        }

        /** Wilson 95 % interval of the share read as every asked value at once. */
        public ConfidenceInterval allInterval() {
            return ShareTable.wilson(n, allMatched);
        }

        /** Printable lines: one per asked attribute, then one per open attribute, then all asked at once. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            for (Attribute a : attributes) {
                if (a.asked() != null) {
                    ConfidenceInterval ci = a.interval();
                    out.add(String.format("  %-12s asked %-8s read in %3d of %d  (%s, 95 %% interval %s – %s)",
                            a.name(), a.asked(), a.matched(), n, pct(a.matched() / (double) n), pct(ci.getLowerBound()),
                            pct(ci.getUpperBound())));
                }
            }
            for (Attribute a : attributes) {
                if (a.asked() == null) {
                    List<String> shares = new ArrayList<>();
                    a.read().forEach((value, k) -> shares.add(value + " " + k));
                    out.add(String.format("  %-12s open: %s", a.name(), String.join(", ", shares)));
                }
            }
            if (askedAnything()) {
                ConfidenceInterval ci = allInterval();
                out.add(String.format("  every asked value at once: %d of %d  (%s, 95 %% interval %s – %s)", allMatched, n,
                        pct(allMatched / (double) n), pct(ci.getLowerBound()), pct(ci.getUpperBound())));
            }
            return out;
        }
    }

    private AttributeReadback() {
    }

    /**
     * Whether the classifier can read this model's samples against its prompts: an
     * attribute-conditional model of 3×32×32 images with at least one attribute the classifier has a
     * head for.
     */
    public static boolean applies(DiffusionModel model) {
        return model.config().conditioning() == ConditioningKind.ATTRIBUTES
                && model.channels() == PortraitsCnn.CHANNELS && model.height() == PortraitsCnn.SIZE
                && model.width() == PortraitsCnn.SIZE
                && model.conditionSpace().slots().stream().anyMatch(s -> readable(s.name()));
    }

    /**
     * Refuses images the classifier cannot read (it takes 3×32×32 RGB); {@code source} names what
     * draws them in the message.
     */
    public static void requireReadable(int channels, int height, int width, Object source) {
        if (channels != PortraitsCnn.CHANNELS || height != PortraitsCnn.SIZE || width != PortraitsCnn.SIZE) {
            throw new InvalidSettingException("read_back", "reads 32x32 RGB portraits back with " + PortraitsV1.ID
                    + "; " + source + " draws " + channels + "x" + height + "x" + width + " images");
        }
    }

    /**
     * Reads back what {@link Sampling#draw} drew: an attribute model's samples on its own attributes,
     * against the condition they were drawn under; any other model's (a GAN, a class-conditional or
     * unconditional model) on every attribute the classifier knows, each open.
     */
    public static Result of(Samples samples, PortraitsV1 reader) {
        Image first = samples.images().get(0);
        boolean byCondition = first.channels() == PortraitsCnn.CHANNELS && first.height() == PortraitsCnn.SIZE
                && first.width() == PortraitsCnn.SIZE && samples.space().slots().stream().anyMatch(s -> readable(s.name()));
        ConditionSpace space = byCondition ? samples.space() : everyHead();
        return read(space, byCondition ? samples.asked() : space.nullCondition(), samples.images(), reader);
    }

    /**
     * Every attribute the classifier reads, each open: for a generator with no conditioning (a
     * portraits GAN), whose samples are read for the shares of each value it draws.
     */
    public static ConditionSpace everyHead() {
        return new ConditionSpace(PortraitsCnn.HEADS.stream()
                .map(h -> new ConditionSlot(h.attribute(), h.classes())).toList());
    }

    /** Reads {@code images}, all drawn under {@code asked}, back with {@code reader}. */
    public static Result read(ConditionSpace space, Condition asked, List<Image> images, PortraitsV1 reader) {
        List<Map<String, String>> predicted = reader.predict(images);
        List<Attribute> attributes = new ArrayList<>();
        boolean[] allOk = new boolean[images.size()];
        Arrays.fill(allOk, true);
        for (int s = 0; s < space.slots().size(); s++) {
            ConditionSlot slot = space.slots().get(s);
            if (!readable(slot.name())) {
                continue;
            }
            int v = asked.value(s);
            String value = v == slot.nullIndex() ? null : slot.values().get(v);
            Map<String, Integer> read = new TreeMap<>();
            for (int i = 0; i < predicted.size(); i++) {
                String got = predicted.get(i).get(slot.name());
                read.merge(got, 1, Integer::sum);
                if (value != null && !value.equals(got)) {
                    allOk[i] = false;
                }
            }
            attributes.add(new Attribute(slot.name(), value, sortedByCount(read), images.size()));
        }
        int all = 0;
        for (boolean ok : allOk) {
            all += ok ? 1 : 0;
        }
        return new Result(List.copyOf(attributes), all, images.size());
    }

    /** Whether the classifier has a head for this attribute. */
    private static boolean readable(String attribute) {
        return PortraitsCnn.HEADS.stream().anyMatch(h -> h.attribute().equals(attribute));
    }

    private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String pct(double share) {
        return String.format("%.0f %%", 100 * share);
    }
}
