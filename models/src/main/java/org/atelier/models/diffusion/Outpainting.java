package org.atelier.models.diffusion;

import java.util.List;
import java.util.random.RandomGenerator;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.datasets.masks.Mask;

/**
 * Outpainting: extend the canvas and fill the new border with RePaint, conditioning on the
 * original. The model works at its trained size S, so the border is filled window by window:
 * among S×S windows placed every S/2 pixels (and flush with the canvas edges), the next one
 * is the window holding the most unfilled pixels while at least {@value #MIN_KNOWN} of it is
 * known (else the most-known window); its unfilled pixels are the RePaint hole and everything
 * already known in it — the original and earlier fills — is kept. This is the tiled
 * outpainting of DALL·E 2's editor, at this workbench's scale.
 */
public final class Outpainting {
    static final double MIN_KNOWN = 0.4;

    private Outpainting() {
    }

    /**
     * New pixels on each side.
     *
     * @param left   ≥ 0
     * @param right  ≥ 0
     * @param top    ≥ 0
     * @param bottom ≥ 0
     */
    public record Borders(int left, int right, int top, int bottom) {
        public Borders {
            if (left < 0 || right < 0 || top < 0 || bottom < 0) {
                throw new IllegalArgumentException("borders must be >= 0, got " + left + "/" + right + "/" + top + "/" + bottom);
            }
        }

        public boolean isEmpty() {
            return left + right + top + bottom == 0;
        }

        /**
         * Checks that each border adds at most half of a model's {@code side}, so every window
         * keeps half of itself as context.
         *
         * @throws InvalidInputException naming the borders and the limit
         */
        public void requireFits(int side) {
            int max = side / 2;
            if (left > max || right > max || top > max || bottom > max) {
                throw new InvalidInputException("each side may add at most " + max + " pixels (half the model's side); "
                        + "got left " + left + ", right " + right + ", top " + top + ", bottom " + bottom);
            }
        }
    }

    /**
     * @param image the model's size; each border at most half of it, so every window keeps context
     * @return the extended image: the original's pixels unchanged at offset (top, left)
     */
    static Image extend(DiffusionModel model, Image image, Borders b, Condition condition, RePaintOptions o,
                        RandomGenerator rng) {
        int s = model.height();
        if (image.height() != s || image.width() != s || image.channels() != model.channels()) {
            throw new IllegalArgumentException("image is " + image.channels() + "x" + image.height() + "x" + image.width()
                    + ", this model works on " + model.channels() + "x" + s + "x" + s);
        }
        b.requireFits(s);
        int c = image.channels();
        int h = s + b.top() + b.bottom();
        int w = s + b.left() + b.right();
        float[] canvas = new float[c * h * w];
        boolean[] known = new boolean[h * w];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    canvas[(ch * h + y + b.top()) * w + x + b.left()] = image.get(ch, y, x);
                    known[(y + b.top()) * w + x + b.left()] = true;
                }
            }
        }
        int[] xs = positions(w, s);
        int[] ys = positions(h, s);
        while (true) {
            int bestX = -1;
            int bestY = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int y0 : ys) {
                for (int x0 : xs) {
                    int unknown = 0;
                    for (int y = y0; y < y0 + s; y++) {
                        for (int x = x0; x < x0 + s; x++) {
                            unknown += known[y * w + x] ? 0 : 1;
                        }
                    }
                    if (unknown == 0) {
                        continue;
                    }
                    double knownShare = 1 - unknown / (double) (s * s);
                    // windows with enough context rank by how much they fill; the rest by their context
                    double score = knownShare >= MIN_KNOWN ? 1 + unknown : knownShare;
                    if (score > bestScore) {
                        bestScore = score;
                        bestX = x0;
                        bestY = y0;
                    }
                }
            }
            if (bestX < 0) {
                break;
            }
            fillWindow(model, canvas, known, c, h, w, bestX, bestY, s, condition, o, rng);
        }
        return new Image(c, h, w, canvas);
    }

    /** Window origins every side/2 pixels, plus one flush with the far edge. */
    static int[] positions(int length, int side) {
        java.util.TreeSet<Integer> p = new java.util.TreeSet<>();
        for (int v = 0; v + side <= length; v += Math.max(1, side / 2)) {
            p.add(v);
        }
        p.add(length - side);
        return p.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void fillWindow(DiffusionModel model, float[] canvas, boolean[] known, int c, int h, int w,
                                   int x0, int y0, int s, Condition condition, RePaintOptions o, RandomGenerator rng) {
        float[] crop = new float[c * s * s];
        boolean[] hole = new boolean[s * s];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                hole[y * s + x] = !known[(y0 + y) * w + x0 + x];
                for (int ch = 0; ch < c; ch++) {
                    crop[(ch * s + y) * s + x] = hole[y * s + x] ? 0f : canvas[(ch * h + y0 + y) * w + x0 + x];
                }
            }
        }
        Image window = new Image(c, s, s, crop);
        Mask mask = new Mask(s, s, hole);
        Image filled = model.inpaint(List.of(window), List.of(mask), List.of(condition), o, rng,
                TrajectoryRecorder.off()).get(0);
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                if (hole[y * s + x]) {
                    known[(y0 + y) * w + x0 + x] = true;
                    for (int ch = 0; ch < c; ch++) {
                        canvas[(ch * h + y0 + y) * w + x0 + x] = filled.get(ch, y, x);
                    }
                }
            }
        }
    }
}
