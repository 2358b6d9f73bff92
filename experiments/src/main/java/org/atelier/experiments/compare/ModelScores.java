package org.atelier.experiments.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.evaluation.audit.ClassReadback;
import org.atelier.evaluation.distribution.DistributionResult;
import org.atelier.evaluation.stats.Bootstrap;

/**
 * One generator's row of the comparison.
 *
 * @param label           the config's label
 * @param origin          where the weights came from, in words
 * @param drawn           how samples were drawn (sampler, steps, guidance; or "one pass")
 * @param fid             FID with its interval and FID∞, against the committed fmnist-test statistics
 * @param kidPrdc         KID and PRDC against N reference images
 * @param kidInterval     KID's 95 % percentile-bootstrap interval over the generated samples ({@code KidBootstrap})
 * @param readback        class read-back, or null for an unconditional model
 * @param secondsPerImage sampling wall time per image (this machine, shared; see the report)
 * @param parameters      parameters from the model card, or null
 * @param trainingSteps   from the card, or null
 * @param configuredSteps from the card, or null
 * @param trainSeconds    from the card, or null
 * @param grid            the first samples, for the captioned grid
 * @param gridColumns     columns of that grid (one per class for conditional models)
 *
 * <p>Serializable because {@code atelier sweep} scores each grid point in a Spark task and
 * returns this row to the driver.
 */
public record ModelScores(String label, String origin, String drawn, DistributionResult fid, DistributionResult kidPrdc,
                          Bootstrap.Interval kidInterval, ClassReadback readback, double secondsPerImage, Long parameters, Long trainingSteps,
                          Long configuredSteps, Double trainSeconds, List<Image> grid, int gridColumns)
        implements java.io.Serializable {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("origin", origin);
        m.put("drawn", drawn);
        m.put("n", fid.nA());
        m.put("fid", fid.toJson());
        m.put("kid_prdc", kidPrdc.toJson());
        m.put("kid_ci95", List.of(kidInterval.low(), kidInterval.high()));
        m.put("class_readback", readback == null ? null : readback.toJson());
        m.put("seconds_per_image", secondsPerImage);
        m.put("parameters", parameters);
        m.put("training_steps", trainingSteps);
        m.put("configured_steps", configuredSteps);
        m.put("train_seconds", trainSeconds);
        return m;
    }
}
