package org.atelier.experiments.sweep;

import java.io.Serializable;
import org.atelier.experiments.compare.CompareConfig;

/**
 * One setting of a sweep's grid: a row of its table and one Spark task.
 *
 * @param label    how the report names it, e.g. {@code ddim-25 w=3 seed 0}
 * @param sampler  the sampler's id
 * @param steps    reverse steps
 * @param guidance classifier-free guidance scale
 * @param seed     seed of the point's samples, FID bootstrap and KID subsets
 */
public record SweepPoint(String label, String sampler, int steps, double guidance, long seed) implements Serializable {
    /** This point as a model row of the comparison, sampling {@code model}. */
    CompareConfig.Model asModel(String model) {
        return new CompareConfig.Model(label, model, sampler, steps, guidance);
    }
}
