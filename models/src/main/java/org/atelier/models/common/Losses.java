package org.atelier.models.common;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Loss pieces composed from elementary ops, written to stay finite for any logit. */
public final class Losses {
    private Losses() {
    }

    /**
     * softplus(x) = log(1 + eˣ) computed as max(x, 0) + log1p(e^−|x|), which never overflows.
     * With it, binary cross-entropy on logits is softplus(−x) for label 1 and softplus(x) for
     * label 0 (the non-saturating GAN loss of Goodfellow et al. 2014, section 3).
     */
    public static SDVariable softplus(SameDiff sd, SDVariable x) {
        SDVariable negAbs = sd.math().abs(x).neg();
        return sd.nn().relu(x, 0).add(sd.math().log1p(sd.math().exp(negAbs)));
    }

    /** Mean binary cross-entropy of logits against a constant label 1 (real) or 0 (fake). */
    public static SDVariable bceWithLogits(SameDiff sd, SDVariable logits, boolean real) {
        return softplus(sd, real ? logits.neg() : logits).mean();
    }
}
