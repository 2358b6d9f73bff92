package org.atelier.training.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code trainer.optimizer}: one setting for every parameter group of the family.
 *
 * @param kind        adam, adamw or rmsprop
 * @param lr          base learning rate (> 0), before the schedule's factor and any divergence cut
 * @param beta1       Adam β₁ in [0, 1) (default 0.9; DCGAN: 0.5; WGAN-GP: 0)
 * @param beta2       Adam β₂ in [0, 1) (default 0.999; WGAN-GP: 0.9)
 * @param eps         Adam/RMSProp ε (default 1e-8)
 * @param weightDecay AdamW's decoupled decay λ ≥ 0 (0 for the others)
 * @param rmsDecay    RMSProp's decay of the squared-gradient average (default 0.95, ND4J's)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OptimizerConfig(OptimizerKind kind, Double lr, Double beta1, Double beta2, Double eps,
                              Double weightDecay, Double rmsDecay) {
    public OptimizerConfig {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required (adam, adamw or rmsprop)");
        }
        if (lr == null || !(lr > 0)) {
            throw new IllegalArgumentException("lr must be > 0, got " + lr);
        }
        beta1 = beta1 == null ? 0.9 : beta1;
        beta2 = beta2 == null ? 0.999 : beta2;
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        eps = eps == null ? 1e-8 : eps;
        rmsDecay = rmsDecay == null ? 0.95 : rmsDecay;
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            throw new IllegalArgumentException("beta1 and beta2 must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (weightDecay < 0) {
            throw new IllegalArgumentException("weight_decay must be >= 0, got " + weightDecay);
        }
        if (weightDecay > 0 && kind != OptimizerKind.ADAMW) {
            throw new IllegalArgumentException("weight_decay is only used by adamw (kind is " + kind.id() + ")");
        }
    }

    public static OptimizerConfig adam(double lr, double beta1, double beta2) {
        return new OptimizerConfig(OptimizerKind.ADAM, lr, beta1, beta2, null, 0.0, null);
    }
}
