package org.atelier.models.sampling;

import org.atelier.models.diffusion.RePaintOverrides;

/**
 * How to fill holes with an {@link org.atelier.models.Inpainter}.
 *
 * @param condition  a class or attribute value by name or index, for diffusion models; or null
 * @param prompt     a short prompt, for diffusion models; or null
 * @param useLabels   condition each fill on its image's own class label (an oracle the plain task does not
 *                   have; class-conditional diffusion models only)
 * @param repaint    RePaint settings (diffusion models only; {@link RePaintOverrides#NONE} elsewhere)
 * @param trajectory record the first image's reverse trajectory (diffusion models only)
 */
public record FillRequest(String condition, String prompt, boolean useLabels, RePaintOverrides repaint,
                          boolean trajectory) {
    /** The model's plain fill: no condition, default settings, nothing recorded. */
    public static final FillRequest PLAIN = new FillRequest(null, null, false, RePaintOverrides.NONE, false);

    public FillRequest {
        repaint = repaint == null ? RePaintOverrides.NONE : repaint;
    }

    /** Whether anything only a diffusion model takes was asked for. */
    public boolean asksDiffusion() {
        return condition != null || prompt != null || useLabels || repaint.any() || trajectory;
    }
}
