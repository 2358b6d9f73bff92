package org.atelier.models.nst;

import java.util.List;
import org.atelier.core.image.Image;
import org.atelier.models.Stylizer;

/** One forward pass of a trained fixed-style {@link Stylizer} (a fast style-transfer model) on a content image. */
public final class Stylization {
    private Stylization() {
    }

    /**
     * @param image   the stylised content, (3, H, W) in [-1, 1]
     * @param seconds wall-clock time of the forward pass alone
     */
    public record Result(Image image, double seconds) {
    }

    /**
     * @param size          the content's longer side is brought to this many pixels first
     * @param preserveColor keep the content's colours and take only the stylised luminance ({@link ColorPreservation})
     */
    public static Result apply(Stylizer stylizer, Image content, int size, boolean preserveColor) {
        Image fitted = NstImages.fit(content, size);
        long t = System.nanoTime();
        Image y = stylizer.stylize(fitted, List.of());
        double seconds = (System.nanoTime() - t) / 1e9;
        if (preserveColor) {
            y = ColorPreservation.recombine(y, NstImages.centreCrop(fitted, y.height(), y.width()));
        }
        return new Result(y, seconds);
    }
}
