package org.atelier.models.gan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The GAN variants, by the name a config uses in {@code model.family}. */
public enum GanFamily implements org.atelier.models.ModelFamily {
    /** DCGAN, non-saturating BCE loss (Radford et al. 2016; Goodfellow et al. 2014). */
    DCGAN("dcgan"),
    /** Class-conditional DCGAN: G gets a one-hot class, D a projection term (Miyato and Koyama 2018). */
    CGAN("cgan"),
    /**
     * Wasserstein loss with a finite-difference gradient penalty — the stand-in for WGAN-GP,
     * whose exact penalty needs a gradient of a gradient that SameDiff M2.1 cannot build
     * (see {@code WganFdgpTest}); the difference is documented in {@link CriticPenalty}.
     */
    WGAN_FDGP("wgan-fdgp"),
    /** Context-encoder inpainting GAN (Pathak et al. 2016): L1 on the hole + adversarial. */
    GAN_INPAINT("gan-inpaint");

    private final String id;

    GanFamily(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    @JsonCreator
    public static GanFamily parse(String s) {
        for (GanFamily f : values()) {
            if (f.id.equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown GAN family '" + s + "'; expected one of "
                + Arrays.stream(values()).map(GanFamily::id).collect(Collectors.toList()));
    }
}
