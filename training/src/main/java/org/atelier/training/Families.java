package org.atelier.training;

import java.util.ArrayList;
import java.util.List;
import org.atelier.core.errors.ConfigException;
import org.atelier.datasets.masks.MaskKinds;
import org.atelier.models.Trainable;
import org.atelier.models.diffusion.ConditionSlot;
import org.atelier.models.diffusion.ConditionSpace;
import org.atelier.models.diffusion.DiffusionConfig;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.gan.GanConfig;
import org.atelier.models.gan.GanFamily;
import org.atelier.models.gan.ImageGan;
import org.atelier.models.gan.InpaintGan;
import org.atelier.models.nst.FastNstConfig;
import org.atelier.models.nst.FastStyleTransfer;
import org.atelier.training.config.RunConfig;

/** Builds the {@link Trainable} a run config names, checked against the data it will see. */
public final class Families {
    private Families() {
    }

    public static Trainable create(RunConfig cfg, DataShape data, String source) {
        long seed = org.atelier.core.random.Seeds.derive(cfg.seed(), "init");
        if (cfg.model() instanceof DiffusionConfig d) {
            return diffusion(d, data, source, seed);
        }
        if (cfg.model() instanceof FastNstConfig f) {
            return fastNst(f, data, source, seed);
        }
        GanConfig m = (GanConfig) cfg.model();
        if (data.height() != m.arch().side() || data.width() != m.arch().side()) {
            throw new ConfigException(source, "model.arch", m.arch().id() + " makes " + m.arch().side() + "x"
                    + m.arch().side() + " images but " + data.id() + " holds " + data.width() + "x" + data.height());
        }
        if (m.family() == GanFamily.CGAN && data.classNames().isEmpty()) {
            throw new ConfigException(source, "model.family", "cgan needs class labels, and " + data.id()
                    + " has none; set data.label_attribute to one of the data's attributes");
        }
        if (m.family() == GanFamily.GAN_INPAINT) {
            return new InpaintGan(m, data.channels(), MaskKinds.parse(m.maskKind()), seed);
        }
        return new ImageGan(m, data.channels(), data.classNames(), seed);
    }

    private static FastStyleTransfer fastNst(FastNstConfig f, DataShape data, String source, long seed) {
        if (data.channels() != 3) {
            throw new ConfigException(source, "data.dataset", "fast-nst trains on RGB images but " + data.id()
                    + " has " + data.channels() + " channel(s); use dataset content-crops");
        }
        if (data.height() % 4 != 0 || data.width() % 4 != 0) {
            throw new ConfigException(source, "data", "fast-nst needs image sides that are multiples of 4, "
                    + data.id() + " holds " + data.width() + "x" + data.height());
        }
        return new FastStyleTransfer(f, seed);
    }

    private static DiffusionModel diffusion(DiffusionConfig d, DataShape data, String source, long seed) {
        int side = d.spec().side();
        if (data.height() != side || data.width() != side) {
            throw new ConfigException(source, "model.arch", d.arch().id() + " makes " + side + "x" + side
                    + " images but " + data.id() + " holds " + data.width() + "x" + data.height());
        }
        return new DiffusionModel(d, data.channels(), conditionSpace(d, data, source), seed);
    }

    /** The condition slots of a diffusion config over this data: its classes, or the chosen attributes' values. */
    static ConditionSpace conditionSpace(DiffusionConfig d, DataShape data, String source) {
        return switch (d.conditioning()) {
            case NONE -> ConditionSpace.none();
            case CLASS -> {
                if (data.classNames().isEmpty()) {
                    throw new ConfigException(source, "model.conditioning", "class conditioning needs class labels, and "
                            + data.id() + " has none; condition on attributes or set data.label_attribute");
                }
                yield new ConditionSpace(List.of(new ConditionSlot("class", data.classNames())));
            }
            case ATTRIBUTES -> {
                List<ConditionSlot> slots = new ArrayList<>();
                for (String a : d.attributes()) {
                    List<String> values = data.attributeValues().get(a);
                    if (values == null || values.isEmpty()) {
                        throw new ConfigException(source, "model.attributes", data.id() + " has no attribute '" + a
                                + "'; it has " + data.attributeValues().keySet());
                    }
                    slots.add(new ConditionSlot(a, values));
                }
                yield new ConditionSpace(slots);
            }
        };
    }
}
