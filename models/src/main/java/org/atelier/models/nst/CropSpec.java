package org.atelier.models.nst;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The {@code data.crops:} section: what {@link ContentCrops} draws.
 *
 * @param size      side of every crop in pixels, a multiple of 4 in 16..512 (the transform net halves twice)
 * @param count     crops in the dataset (default 10 000); crop i is a pure function of (seed, i)
 * @param seed      crop positions, scales and sources derive from it
 * @param photos    share of crops cut from the sample photos ({@code datasets/images/content-*.jpg}), ≥ 0
 * @param portraits share of synthetic portraits (64 px, enlarged), ≥ 0
 * @param fashion   share of Fashion-MNIST test images (28 px grey, enlarged, as RGB), ≥ 0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CropSpec(Integer size, Integer count, Long seed, Double photos, Double portraits, Double fashion) {
    public CropSpec {
        if (size == null) {
            throw new IllegalArgumentException("size is required (crop side in pixels)");
        }
        if (size < 16 || size > 512 || size % 4 != 0) {
            throw new IllegalArgumentException("size must be a multiple of 4 in 16..512, got " + size);
        }
        count = count == null ? 10_000 : count;
        seed = seed == null ? 0L : seed;
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        if (photos == null && portraits == null && fashion == null) {
            photos = 0.5;
            portraits = 0.3;
            fashion = 0.2;
        }
        photos = photos == null ? 0.0 : photos;
        portraits = portraits == null ? 0.0 : portraits;
        fashion = fashion == null ? 0.0 : fashion;
        if (!(photos >= 0 && portraits >= 0 && fashion >= 0) || photos + portraits + fashion <= 0
                || !Double.isFinite(photos + portraits + fashion)) {
            throw new IllegalArgumentException("photos, portraits and fashion shares must be >= 0 and not all 0, got "
                    + photos + ", " + portraits + ", " + fashion);
        }
    }
}
