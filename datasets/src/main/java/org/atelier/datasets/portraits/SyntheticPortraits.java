package org.atelier.datasets.portraits;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.image.Image;
import org.atelier.core.io.Hashing;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;
import org.atelier.datasets.portraits.PortraitAttributes.Configurable;
import org.atelier.datasets.portraits.PortraitAttributes.Portrait;

/**
 * Procedurally rendered RGB face portraits with known demographic attributes: the auditors'
 * controlled dataset. Because every sample's attributes are drawn from configured shares and
 * the picture shows exactly those attributes, the ground-truth distribution of each slice is
 * known, and a generator trained on it can be checked for how it shifts that distribution.
 *
 * <p>Random access: sample {@code i} depends only on the spec and {@code i}. Its attributes come
 * from a random stream seeded by {@code (seed, "portraits/attributes", i)} and its rendering
 * variation from a separate stream {@code (seed, "portraits/rendering", i)}, both through
 * {@link Seeds#derive}. So {@link #get} is O(1) (one render, nothing cached), independent of
 * access order and thread-safe, and two specs that differ only in one attribute's shares give,
 * index for index, the same faces except for that attribute — counterfactual pairs for free.
 *
 * <p>Images are (3, size, size) in [-1, 1]. No class labels: {@link Sample#label()} is
 * {@link Sample#NO_LABEL}. Attribute columns: {@link PortraitAttributes#NAMES}.
 */
public final class SyntheticPortraits implements ImageDataset {
    private final PortraitSpec spec;
    private final Map<Configurable, double[]> shares;
    private final String contentHash;
    private final String id;

    public SyntheticPortraits(PortraitSpec spec) {
        this.spec = spec;
        this.shares = spec.resolvedShares();
        this.contentHash = Hashing.sha256(PortraitRenderer.VERSION + "\n" + spec.canonical());
        this.id = "portraits-" + spec.size() + ":seed=" + spec.seed() + ",n=" + spec.count() + ","
                + contentHash.substring(0, 8);
    }

    public PortraitSpec spec() {
        return spec;
    }

    /** E.g. {@code portraits-32:seed=7,n=2000,1a2b3c4d}; the last part is the start of {@link #contentHash()}. */
    @Override
    public String id() {
        return id;
    }

    /**
     * SHA-256 of the renderer version ({@code PortraitRenderer.VERSION}) and the canonical spec
     * ({@link PortraitSpec#canonical()}). A change to the renderer's pixels must bump that
     * version, or two different datasets would share a hash.
     */
    @Override
    public String contentHash() {
        return contentHash;
    }

    @Override
    public int size() {
        return spec.count();
    }

    @Override
    public int channels() {
        return 3;
    }

    @Override
    public int height() {
        return spec.size();
    }

    @Override
    public int width() {
        return spec.size();
    }

    @Override
    public Sample get(int index) {
        Portrait p = portrait(index);
        Image image = PortraitRenderer.render(p, spec.size(), stream("portraits/rendering/", index));
        return new Sample(image, Sample.NO_LABEL, p.toAttributes());
    }

    /** The ground truth of sample {@code index} without rendering it (cheap: for slice counts). */
    public Portrait portrait(int index) {
        if (index < 0 || index >= spec.count()) {
            throw new IndexOutOfBoundsException("sample " + index + " of " + id + " (size " + spec.count() + ")");
        }
        return PortraitAttributes.draw(shares, stream("portraits/attributes/", index));
    }

    @Override
    public List<String> classNames() {
        return List.of();
    }

    /** {@link PortraitAttributes#NAMES}, in that order. */
    @Override
    public List<String> attributeNames() {
        return PortraitAttributes.NAMES;
    }

    private SplittableRandom stream(String purpose, int index) {
        return new SplittableRandom(Seeds.derive(spec.seed(), purpose + index));
    }
}
