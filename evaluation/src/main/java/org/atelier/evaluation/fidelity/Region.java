package org.atelier.evaluation.fidelity;

/** Where an inpainting is scored. */
public enum Region {
    /** The pixels the model had to fill (mask = 1). */
    HOLE,
    /** The seam: the hole dilated by the band width, minus the hole — where bad blending shows. */
    BAND,
    /** Every pixel. */
    WHOLE;

    /** Lower-case name used in JSON keys and tables. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
