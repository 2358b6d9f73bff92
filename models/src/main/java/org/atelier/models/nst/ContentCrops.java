package org.atelier.models.nst;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.image.ImageResize;
import org.atelier.core.io.Hashing;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;
import org.atelier.datasets.SampleImages;
import org.atelier.datasets.fashion.FashionMnist;
import org.atelier.datasets.portraits.PortraitSpec;
import org.atelier.datasets.portraits.SyntheticPortraits;

/**
 * Square RGB crops of the content images this project has, for training a feed-forward
 * style network: the sample photos (random window of random scale, random mirror), synthetic
 * portraits and Fashion-MNIST images (enlarged; the garments turned RGB). Sample i is a pure
 * function of (seed, i), so batches are reproducible like any dataset's. Attribute
 * {@code source} = photo | portrait | fashion.
 */
public final class ContentCrops implements ImageDataset {
    private static final int PORTRAITS = 2000;
    private final CropSpec spec;
    private final List<Image> photos;
    private final SyntheticPortraits portraits;
    private final ImageDataset fashion;
    private final double[] cumulative;

    public ContentCrops(CropSpec spec) {
        this.spec = spec;
        this.photos = spec.photos() > 0 ? SampleImages.files("content").stream().map(ImageFiles::read)
                .map(Image::toRgb).toList() : List.of();
        this.portraits = spec.portraits() > 0
                ? new SyntheticPortraits(PortraitSpec.uniform(64, PORTRAITS, Seeds.derive(spec.seed(), "portraits"))) : null;
        this.fashion = spec.fashion() > 0 ? FashionMnist.embeddedTest() : null;
        double t = spec.photos() + spec.portraits() + spec.fashion();
        this.cumulative = new double[] {spec.photos() / t, (spec.photos() + spec.portraits()) / t};
    }

    @Override
    public String id() {
        return "content-crops:" + spec.size();
    }

    @Override
    public String contentHash() {
        StringBuilder sb = new StringBuilder(spec.toString());
        if (!photos.isEmpty()) {
            sb.append(Hashing.sha256(SampleImages.files("content")));
        }
        if (portraits != null) {
            sb.append(portraits.contentHash());
        }
        if (fashion != null) {
            sb.append(fashion.contentHash());
        }
        return Hashing.sha256(sb.toString());
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
        if (index < 0 || index >= spec.count()) {
            throw new IndexOutOfBoundsException(index);
        }
        SplittableRandom r = new SplittableRandom(Seeds.derive(spec.seed(), "crop/" + index));
        double u = r.nextDouble();
        int s = spec.size();
        Image img;
        String source;
        if (u < cumulative[0]) {
            img = photoCrop(photos.get(r.nextInt(photos.size())), r);
            source = "photo";
        } else if (u < cumulative[1]) {
            img = enlarge(portraits.get(r.nextInt(PORTRAITS)).image(), s);
            source = "portrait";
        } else {
            img = enlarge(fashion.get(r.nextInt(fashion.size())).image().toRgb(), s);
            source = "fashion";
        }
        if (r.nextBoolean()) {
            img = mirror(img);
        }
        return new Sample(img, Sample.NO_LABEL, Map.of("source", source));
    }

    /** A square window whose side is uniform between ⅓ of the photo's shorter side (at least the crop size) and all of it. */
    private Image photoCrop(Image photo, SplittableRandom r) {
        int s = spec.size();
        int shortSide = Math.min(photo.height(), photo.width());
        int lo = Math.min(shortSide, Math.max(s, shortSide / 3));
        int side = lo + r.nextInt(shortSide - lo + 1);
        int y0 = r.nextInt(photo.height() - side + 1);
        int x0 = r.nextInt(photo.width() - side + 1);
        float[] p = new float[3 * side * side];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < side; y++) {
                System.arraycopy(photo.pixels(), (c * photo.height() + y0 + y) * photo.width() + x0, p,
                        (c * side + y) * side, side);
            }
        }
        Image window = new Image(3, side, side, p);
        return side >= s ? ImageResize.areaResize(window, s, s) : enlarge(window, s);
    }

    /**
     * Bilinear enlargement to s × s (pixel centres aligned). Hand-written because
     * {@link ImageResize} targets shrinking (it enlarges blockily) and a Java2D round trip
     * would quantise to 8 bits.
     */
    static Image enlarge(Image src, int s) {
        int h = src.height();
        int w = src.width();
        int c = src.channels();
        float[] out = new float[c * s * s];
        for (int y = 0; y < s; y++) {
            double fy = Math.max(0, Math.min(h - 1, (y + 0.5) * h / s - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(h - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < s; x++) {
                double fx = Math.max(0, Math.min(w - 1, (x + 0.5) * w / s - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(w - 1, x0 + 1);
                double tx = fx - x0;
                for (int ch = 0; ch < c; ch++) {
                    double top = src.get(ch, y0, x0) * (1 - tx) + src.get(ch, y0, x1) * tx;
                    double bottom = src.get(ch, y1, x0) * (1 - tx) + src.get(ch, y1, x1) * tx;
                    out[(ch * s + y) * s + x] = (float) (top * (1 - ty) + bottom * ty);
                }
            }
        }
        return new Image(c, s, s, out);
    }

    private static Image mirror(Image im) {
        int h = im.height();
        int w = im.width();
        float[] p = new float[im.pixels().length];
        for (int c = 0; c < im.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    p[(c * h + y) * w + x] = im.get(c, y, w - 1 - x);
                }
            }
        }
        return new Image(im.channels(), h, w, p);
    }

    @Override
    public List<String> classNames() {
        return List.of();
    }

    @Override
    public List<String> attributeNames() {
        return List.of("source");
    }
}
