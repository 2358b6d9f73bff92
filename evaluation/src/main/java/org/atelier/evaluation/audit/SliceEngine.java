package org.atelier.evaluation.audit;

import java.nio.file.Path;

/**
 * Runs a {@link SliceAudit} on a cluster. Implemented by the spark module, which this module
 * does not depend on; found through {@link java.util.ServiceLoader} when {@code --spark} is given.
 */
public interface SliceEngine {
    /** @param master a Spark master URL, e.g. {@code local[2]} */
    SliceAggregate run(String master, Path csv, SliceAudit.Options options);
}
