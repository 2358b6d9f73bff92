package org.atelier.models.nst;

import org.atelier.core.image.Image;
import org.atelier.core.image.Luma;

/**
 * Colour preservation by luminance-only transfer (Gatys, Ecker, Bethge, Hertzmann and Shechtman
 * 2017, "Controlling Perceptual Factors in Neural Style Transfer", section 5.1): transfer the
 * style on the luminance channel only, then put the content's colour back.
 * <ol>
 * <li>Y of content and style in YIQ (Y = 0.299R + 0.587G + 0.114B);</li>
 * <li>the style's Y is shifted and scaled to the mean and standard deviation of the content's
 *     Y, so the style brings texture, not brightness;</li>
 * <li>transfer runs on the grey images (Y, Y, Y);</li>
 * <li>the output's Y is joined with the content's I and Q and converted back to RGB.</li>
 * </ol>
 * YIQ is linear and Y's coefficients sum to 1, so the formulas apply to [-1, 1] pixels as they are.
 */
public final class ColorPreservation {
    private ColorPreservation() {
    }

    /** Y per pixel (H·W values) of an RGB image. */
    public static float[] luminance(Image rgb) {
        return Luma.plane(rgb.toRgb());
    }

    /** The content as the grey image (Y, Y, Y). */
    public static Image grey(Image content) {
        return fromLuminance(luminance(content), content.height(), content.width());
    }

    /** The style as (Y', Y', Y') with Y' = (Y − μ_s)·σ_c/σ_s + μ_c matched to the content's luminance. */
    public static Image matchedGrey(Image style, Image content) {
        float[] ys = luminance(style);
        float[] yc = luminance(content);
        double[] ms = meanStd(ys);
        double[] mc = meanStd(yc);
        double k = ms[1] > 1e-8 ? mc[1] / ms[1] : 1.0;
        float[] out = new float[ys.length];
        for (int i = 0; i < ys.length; i++) {
            out[i] = clamp((float) ((ys[i] - ms[0]) * k + mc[0]));
        }
        return fromLuminance(out, style.height(), style.width());
    }

    /**
     * RGB from the luminance of {@code styledGrey} (its Y) and the chrominance (I, Q) of
     * {@code content}; both must have one size. Clamped to [-1, 1].
     */
    public static Image recombine(Image styledGrey, Image content) {
        if (styledGrey.height() != content.height() || styledGrey.width() != content.width()) {
            throw new IllegalArgumentException("sizes differ: " + styledGrey + " vs " + content);
        }
        float[] y = luminance(styledGrey);
        Image c = content.toRgb();
        int n = y.length;
        float[] p = c.pixels();
        float[] out = new float[3 * n];
        for (int j = 0; j < n; j++) {
            float r = p[j];
            float g = p[n + j];
            float b = p[2 * n + j];
            float i = 0.596f * r - 0.274f * g - 0.322f * b;
            float q = 0.211f * r - 0.523f * g + 0.312f * b;
            out[j] = clamp(y[j] + 0.956f * i + 0.621f * q);
            out[n + j] = clamp(y[j] - 0.272f * i - 0.647f * q);
            out[2 * n + j] = clamp(y[j] - 1.106f * i + 1.703f * q);
        }
        return new Image(3, c.height(), c.width(), out);
    }

    private static Image fromLuminance(float[] y, int h, int w) {
        float[] p = new float[3 * y.length];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(y, 0, p, c * y.length, y.length);
        }
        return new Image(3, h, w, p);
    }

    private static double[] meanStd(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        double m = s / v.length;
        double q = 0;
        for (float x : v) {
            q += (x - m) * (x - m);
        }
        return new double[] {m, Math.sqrt(q / v.length)};
    }

    private static float clamp(float v) {
        return Math.max(-1f, Math.min(1f, v));
    }
}
