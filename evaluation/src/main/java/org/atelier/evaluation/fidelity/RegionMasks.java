package org.atelier.evaluation.fidelity;

import java.util.Arrays;
import org.atelier.datasets.masks.Mask;

/**
 * The three scoring regions of one image as per-pixel flags (row-major, {@code height × width}).
 * The band is the hole dilated by a disc of radius {@code bandPx} (Euclidean: pixels whose
 * distance to the nearest hole pixel is at most bandPx) minus the hole itself.
 *
 * @param height rows
 * @param width  columns
 * @param hole   mask = 1
 * @param band   seam band around the hole
 * @param whole  all true
 */
public record RegionMasks(int height, int width, boolean[] hole, boolean[] band, boolean[] whole) {

    public static RegionMasks of(Mask mask, int bandPx) {
        if (bandPx < 0) {
            throw new IllegalArgumentException("band width must be >= 0, got " + bandPx);
        }
        int h = mask.height();
        int w = mask.width();
        boolean[] hole = mask.hole().clone();
        boolean[] band = new boolean[h * w];
        int r2 = bandPx * bandPx;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!hole[y * w + x]) {
                    continue;
                }
                // stamp the disc around every hole pixel; masks are small enough for this to be cheap
                for (int dy = -bandPx; dy <= bandPx; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -bandPx; dx <= bandPx; dx++) {
                        int xx = x + dx;
                        if (xx >= 0 && xx < w && dx * dx + dy * dy <= r2 && !hole[yy * w + xx]) {
                            band[yy * w + xx] = true;
                        }
                    }
                }
            }
        }
        boolean[] whole = new boolean[h * w];
        Arrays.fill(whole, true);
        return new RegionMasks(h, w, hole, band, whole);
    }

    /** Only the whole image (no mask given). */
    public static RegionMasks wholeOnly(int height, int width) {
        boolean[] whole = new boolean[height * width];
        Arrays.fill(whole, true);
        return new RegionMasks(height, width, null, null, whole);
    }

    /** The flags of a region, or null when it does not exist (no mask). */
    public boolean[] get(Region region) {
        return switch (region) {
            case HOLE -> hole;
            case BAND -> band;
            case WHOLE -> whole;
        };
    }

    public static int count(boolean[] flags) {
        int n = 0;
        for (boolean b : flags) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
