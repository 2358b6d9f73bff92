package org.atelier.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.ConfigException;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;
import org.atelier.datasets.fashion.FashionMnist;
import org.atelier.datasets.portraits.PortraitAttributes;
import org.atelier.datasets.portraits.SyntheticPortraits;
import org.atelier.models.nst.ContentCrops;
import org.atelier.training.config.DataConfig;

/** Opens the dataset a {@link DataConfig} names, with its limit and label attribute applied. */
public final class DataSources {
    private DataSources() {
    }

    public static ImageDataset open(DataConfig cfg, String source) {
        ImageDataset base = switch (cfg.dataset()) {
            case "fashion-mnist:train" -> cfg.folder() == null ? FashionMnist.train()
                    : FashionMnist.fromFolder(Path.of(cfg.folder()), FashionMnist.Split.TRAIN);
            case "fashion-mnist:test" -> cfg.folder() == null ? FashionMnist.embeddedTest()
                    : FashionMnist.fromFolder(Path.of(cfg.folder()), FashionMnist.Split.TEST);
            case "portraits" -> new SyntheticPortraits(cfg.portraits());
            case "content-crops" -> new ContentCrops(cfg.crops());
            default -> throw new ConfigException(source, "data.dataset", "unknown dataset '" + cfg.dataset()
                    + "'; expected fashion-mnist:train, fashion-mnist:test, portraits or content-crops");
        };
        ImageDataset limited = cfg.limit() > 0 && cfg.limit() < base.size() ? new Limited(base, cfg.limit()) : base;
        if (cfg.labelAttribute() != null) {
            if (!limited.attributeNames().contains(cfg.labelAttribute())) {
                throw new ConfigException(source, "data.label_attribute", "dataset " + base.id() + " has no attribute '"
                        + cfg.labelAttribute() + "'; it has " + limited.attributeNames());
            }
            return new AttributeLabels(limited, cfg.labelAttribute());
        }
        return limited;
    }

    /** The first {@code n} samples of a dataset. */
    record Limited(ImageDataset base, int n) implements ImageDataset {
        @Override
        public String id() {
            return base.id() + "[:" + n + "]";
        }

        @Override
        public String contentHash() {
            return base.contentHash();
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public int channels() {
            return base.channels();
        }

        @Override
        public int height() {
            return base.height();
        }

        @Override
        public int width() {
            return base.width();
        }

        @Override
        public Sample get(int index) {
            if (index < 0 || index >= n) {
                throw new IndexOutOfBoundsException(index);
            }
            return base.get(index);
        }

        @Override
        public List<String> classNames() {
            return base.classNames();
        }

        @Override
        public List<String> attributeNames() {
            return base.attributeNames();
        }
    }

    /**
     * A dataset whose class label is one attribute's value, for attribute-conditional GANs on
     * data without labels. Classes: for synthetic portraits, the attribute's declared values in
     * their declared order (known without rendering a single image); otherwise the values met
     * in the first 10 000 samples, sorted.
     */
    static final class AttributeLabels implements ImageDataset {
        private final ImageDataset base;
        private final String attribute;
        private final Map<String, Integer> index = new LinkedHashMap<>();

        AttributeLabels(ImageDataset base, String attribute) {
            this.base = base;
            this.attribute = attribute;
            for (String v : values(base, attribute)) {
                index.put(v, index.size());
            }
        }

        private static List<String> values(ImageDataset d, String attribute) {
            ImageDataset inner = d instanceof Limited l ? l.base() : d;
            if (inner instanceof SyntheticPortraits) {
                PortraitAttributes.Configurable c = PortraitAttributes.Configurable.byKey(attribute);
                if (c != null) {
                    return c.valueNames();
                }
            }
            java.util.TreeSet<String> seen = new java.util.TreeSet<>();
            for (int i = 0; i < Math.min(d.size(), 10_000); i++) {
                seen.add(inner instanceof SyntheticPortraits p ? p.portrait(i).toAttributes().get(attribute)
                        : d.get(i).attributes().get(attribute));
            }
            return new ArrayList<>(seen);
        }

        @Override
        public String id() {
            return base.id() + "{label=" + attribute + "}";
        }

        @Override
        public String contentHash() {
            return base.contentHash();
        }

        @Override
        public int size() {
            return base.size();
        }

        @Override
        public int channels() {
            return base.channels();
        }

        @Override
        public int height() {
            return base.height();
        }

        @Override
        public int width() {
            return base.width();
        }

        @Override
        public Sample get(int i) {
            Sample s = base.get(i);
            Integer label = index.get(s.attributes().get(attribute));
            if (label == null) {
                throw new IllegalStateException("value '" + s.attributes().get(attribute) + "' of " + attribute
                        + " at sample " + i + " is not one of the classes " + index.keySet());
            }
            return new Sample(s.image(), label, s.attributes());
        }

        @Override
        public List<String> classNames() {
            return new ArrayList<>(index.keySet());
        }

        @Override
        public List<String> attributeNames() {
            return base.attributeNames();
        }
    }
}
