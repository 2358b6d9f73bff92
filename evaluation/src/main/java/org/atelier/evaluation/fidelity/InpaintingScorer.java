package org.atelier.evaluation.fidelity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.datasets.masks.Mask;
import org.atelier.models.features.FeatureMap;
import org.atelier.models.features.PerceptualNetwork;

/**
 * Scores one inpainted image against its original on the hole, the seam band and the whole
 * image: PSNR, SSIM, L1, MSE (on [0, 1] intensities, {@link ScoreScale}) and the LPIPS-recipe
 * perceptual distance, each averaged over the region's pixels only. With {@code composite}, the original is pasted outside the hole first
 * (what a deployed inpainter returns), so only the hole can differ.
 */
public final class InpaintingScorer {
    private final int bandPx;
    private final boolean composite;
    private final PerceptualNetwork network;
    private final SsimWindow window;

    /**
     * @param bandPx    seam band width in pixels (≥ 0)
     * @param composite paste the original outside the hole before scoring
     * @param network   network for the perceptual distance, or null to skip it (NaN)
     */
    public InpaintingScorer(int bandPx, boolean composite, PerceptualNetwork network) {
        if (bandPx < 0) {
            throw new InvalidInputException("--band must be >= 0 pixels, got " + bandPx);
        }
        this.bandPx = bandPx;
        this.composite = composite;
        this.network = network;
        this.window = SsimWindow.STANDARD;
    }

    /**
     * @param reference the original image, (C, H, W) in [-1, 1]
     * @param output    the inpainted image, same size (a grey one is widened to RGB to match an RGB partner)
     * @param mask      1 = hole; null scores the whole image only
     */
    public ImageScores score(String name, Image reference, Image output, Mask mask) {
        if (reference.height() != output.height() || reference.width() != output.width()) {
            throw new InvalidInputException(name + ": output is " + output.width() + "x" + output.height()
                    + " but the reference is " + reference.width() + "x" + reference.height());
        }
        if (reference.channels() != output.channels()) {
            reference = reference.toRgb();
            output = output.toRgb();
        }
        if (mask != null && (mask.height() != reference.height() || mask.width() != reference.width())) {
            throw new InvalidInputException(name + ": mask is " + mask.width() + "x" + mask.height()
                    + " but the image is " + reference.width() + "x" + reference.height());
        }
        if (composite) {
            if (mask == null) {
                throw new InvalidInputException("--composite needs --masks (the hole to keep from the output)");
            }
            output = composite(reference, output, mask);
        }
        RegionMasks regions = mask == null ? RegionMasks.wholeOnly(reference.height(), reference.width())
                : RegionMasks.of(mask, bandPx);
        double[] ssimMap = Ssim.map(reference, output, window);
        List<FeatureMap> fa = network == null ? null : network.layers(reference);
        List<FeatureMap> fb = network == null ? null : network.layers(output);
        Map<Region, RegionScores> scores = new EnumMap<>(Region.class);
        for (Region r : Region.values()) {
            boolean[] flags = regions.get(r);
            if (flags == null) {
                continue;
            }
            double mse = PixelErrors.mse(reference, output, flags);
            double ssim = r == Region.WHOLE ? Ssim.whole(ssimMap, reference.height(), reference.width(), window)
                    : Ssim.masked(ssimMap, flags);
            double perceptual = fa == null ? Double.NaN
                    : PerceptualDistance.distance(fa, fb, r == Region.WHOLE ? null : flags, reference.height(),
                    reference.width());
            int pixels = RegionMasks.count(flags);
            if (pixels == 0) {
                perceptual = Double.NaN;
            }
            scores.put(r, new RegionScores(PixelErrors.psnr(mse), ssim, PixelErrors.l1(reference, output, flags),
                    mse, perceptual, pixels));
        }
        return new ImageScores(name, reference.channels(), mask == null ? Double.NaN : mask.holeFraction(), scores);
    }

    /** Output inside the hole, reference outside. */
    public static Image composite(Image reference, Image output, Mask mask) {
        float[] p = reference.pixels().clone();
        int plane = reference.height() * reference.width();
        for (int c = 0; c < reference.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                if (mask.hole()[i]) {
                    p[c * plane + i] = output.pixels()[c * plane + i];
                }
            }
        }
        return new Image(reference.channels(), reference.height(), reference.width(), p);
    }
}
