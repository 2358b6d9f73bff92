package org.atelier.evaluation.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.masks.Mask;
import org.atelier.models.features.PerceptualNetwork;

/**
 * Feathered blending, the compositing step inpainting guides recommend after a fill: the fill is
 * pasted into the known image through a soft mask, α = max(hole, G_σ ∗ hole), so that it fades
 * into the surroundings over a few pixels instead of meeting them at a hard edge:
 *
 * <pre>  out = α · fill + (1 − α) · known</pre>
 *
 * α is exactly 1 on the hole (the known image has no valid pixels there, so nothing of it may leak
 * in) and falls to 0 about 4σ outside it. The change therefore lives in the seam band, which is
 * where a benchmark must score it: it can hide a visible edge, or smear the fill's errors onto
 * pixels that were right.
 *
 * <p>The blur is a separable Gaussian written here (a dozen lines) rather than pulled from an image
 * library: the module has none. It equals {@code scipy.ndimage.gaussian_filter(hole, sigma,
 * mode="nearest")} ({@code FeatheringTest}, values from {@code feathering_reference.py}).
 */
public final class Feathering {
    private Feathering() {
    }

    /** The soft mask α, row-major, in [0, 1]: 1 on the hole, the blurred hole around it. */
    public static float[] alpha(Mask mask, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("feather sigma must be > 0 pixels, got " + sigma);
        }
        int h = mask.height();
        int w = mask.width();
        int r = (int) (4 * sigma + 0.5); // scipy.ndimage.gaussian_filter's radius at its default truncate = 4
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        float[] src = mask.toFloats();
        double[] rows = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = Math.min(w - 1, Math.max(0, x + i)); // edge pixels repeated, as scipy's mode='nearest'
                    v += k[i + r] * src[y * w + xx];
                }
                rows[y * w + x] = v / sum;
            }
        }
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) {
                    int yy = Math.min(h - 1, Math.max(0, y + i));
                    v += k[i + r] * rows[yy * w + x];
                }
                out[y * w + x] = mask.hole()[y * w + x] ? 1f : (float) (v / sum);
            }
        }
        return out;
    }

    /**
     * The fills of an {@link InpaintingBenchmark} folder feathered after the fact (a fill does not
     * depend on how it is blended, so RePaint need not run twice), written to {@code filled-feathered/}
     * and scored like the plain fills.
     *
     * @param evalDir a folder {@code inpaint-eval} wrote (reference/, masks/, filled/)
     */
    public static FidelityReport rescore(Path evalDir, double sigma, int bandPx, PerceptualNetwork network) {
        Path out = evalDir.resolve("filled-feathered");
        List<Path> fills;
        try (Stream<Path> files = Files.list(evalDir.resolve("filled"))) {
            fills = files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path fill : fills) {
            String name = fill.getFileName().toString();
            Image known = ImageFiles.read(evalDir.resolve("reference").resolve(name));
            Mask mask = FidelityEvaluation.readMask(evalDir.resolve("masks").resolve(name));
            ImageFiles.writePng(blend(known, ImageFiles.read(fill), mask, sigma), out.resolve(name));
        }
        return FidelityEvaluation.run(evalDir.resolve("reference"), out, evalDir.resolve("masks"), bandPx, false, network);
    }

    /** The fill composited into {@code known} through {@link #alpha}; all three of one size. */
    public static Image blend(Image known, Image fill, Mask mask, double sigma) {
        if (known.height() != mask.height() || known.width() != mask.width() || fill.height() != mask.height()
                || fill.width() != mask.width() || known.channels() != fill.channels()) {
            throw new IllegalArgumentException("feathering needs the image, fill and mask at one size");
        }
        float[] a = alpha(mask, sigma);
        int plane = mask.height() * mask.width();
        float[] p = new float[known.pixels().length];
        for (int c = 0; c < known.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                int j = c * plane + i;
                p[j] = a[i] * fill.pixels()[j] + (1 - a[i]) * known.pixels()[j];
            }
        }
        return new Image(known.channels(), mask.height(), mask.width(), p);
    }
}
