package org.atelier.training;

import org.atelier.core.errors.ConfigException;
import org.atelier.datasets.masks.MaskKinds;
import org.atelier.models.ModelConfig;
import org.atelier.models.Trainable;
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
        ModelConfig model = cfg.model();
        if (model instanceof FastNstConfig f) {
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
        GanConfig m = (GanConfig) model;
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
}
