package org.atelier.training;

import org.atelier.core.errors.ConfigException;
import org.atelier.datasets.masks.MaskKinds;
import org.atelier.models.Trainable;
import org.atelier.models.gan.GanConfig;
import org.atelier.models.gan.GanFamily;
import org.atelier.models.gan.ImageGan;
import org.atelier.models.gan.InpaintGan;
import org.atelier.training.config.RunConfig;

/** Builds the {@link Trainable} a run config names, checked against the data it will see. */
public final class Families {
    private Families() {
    }

    public static Trainable create(RunConfig cfg, DataShape data, String source) {
        GanConfig m = cfg.model();
        if (data.height() != m.arch().side() || data.width() != m.arch().side()) {
            throw new ConfigException(source, "model.arch", m.arch().id() + " makes " + m.arch().side() + "x"
                    + m.arch().side() + " images but " + data.id() + " holds " + data.width() + "x" + data.height());
        }
        if (m.family() == GanFamily.CGAN && data.classNames().isEmpty()) {
            throw new ConfigException(source, "model.family", "cgan needs class labels, and " + data.id()
                    + " has none; set data.label_attribute to one of the data's attributes");
        }
        long seed = org.atelier.core.random.Seeds.derive(cfg.seed(), "init");
        if (m.family() == GanFamily.GAN_INPAINT) {
            return new InpaintGan(m, data.channels(), MaskKinds.parse(m.maskKind()), seed);
        }
        return new ImageGan(m, data.channels(), data.classNames(), seed);
    }
}
