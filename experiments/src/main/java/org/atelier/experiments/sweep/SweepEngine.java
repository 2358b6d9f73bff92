package org.atelier.experiments.sweep;

import java.util.List;
import org.atelier.experiments.compare.ModelScores;

/**
 * Runs a sweep's points on a cluster. Implemented by the spark module, which this module does
 * not depend on; found through {@link java.util.ServiceLoader} when {@code --spark} is given.
 */
public interface SweepEngine {
    /**
     * @param master a Spark master URL, e.g. {@code local[2]}
     * @return one row per point, in the order of {@code points}
     */
    List<ModelScores> score(String master, SweepConfig cfg, List<SweepPoint> points);
}
