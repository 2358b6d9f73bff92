package org.atelier.evaluation.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.fashion.FashionMnist;
import org.atelier.evaluation.distribution.ImageFeatureSource;
import org.atelier.models.Sampler;
import org.atelier.models.features.FmnistCnn;
import org.atelier.models.features.FmnistV1;
import org.atelier.models.sampling.Samples;
import org.atelier.models.sampling.Sampling;

/**
 * Did a class-conditional generator draw the class it was asked for? Each sample is read back by
 * a classifier (for Fashion-MNIST, the {@code fmnist-v1} extractor's own softmax head, 92.09 % test
 * accuracy on real images (docs/evaluation.md), so even a perfect generator scores below 100 %); the share of samples
 * read as the asked class is reported per class and overall, each with a Wilson interval
 * ({@link ShareTable}).
 *
 * @param perClass class name → samples asked for it that were read as it, of those asked
 * @param overall  all samples read as their asked class
 */
public record ClassReadback(List<ShareTable.Share> perClass, ShareTable.Share overall) implements java.io.Serializable {
    /** Images read per call of the classifier. */
    private static final int BATCH = 256;

    public ClassReadback {
        perClass = List.copyOf(perClass);
    }

    /**
     * @param classes class names by index
     * @param asked   the class each sample was drawn under
     * @param read    the class the classifier read from each sample
     */
    public static ClassReadback of(List<String> classes, int[] asked, int[] read) {
        if (asked.length != read.length || asked.length == 0) {
            throw new IllegalArgumentException("need one read-back per asked sample, got " + asked.length + " and "
                    + read.length);
        }
        int[] n = new int[classes.size()];
        int[] hit = new int[classes.size()];
        int all = 0;
        for (int i = 0; i < asked.length; i++) {
            n[asked[i]]++;
            if (asked[i] == read[i]) {
                hit[asked[i]]++;
                all++;
            }
        }
        List<ShareTable.Share> rows = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (n[c] > 0) {
                rows.add(ShareTable.share(classes.get(c), hit[c], n[c]));
            }
        }
        return new ClassReadback(rows, ShareTable.share("all", all, asked.length));
    }

    /**
     * Reads back what {@link Sampling#draw} drew from a class-conditional Fashion-MNIST model: each
     * sample against the class it was drawn under, read by {@code reader}'s softmax head (256 images
     * at a time, so memory stays bounded at any n).
     */
    public static ClassReadback of(Samples samples, List<String> classes, FmnistV1 reader) {
        return ofImages(classes, samples.askedClasses(classes), samples.images(), reader);
    }

    /**
     * Reads back images already in memory (e.g. generated samples rounded to PNG levels), image i
     * against class {@code asked[i]}, {@link #BATCH} at a time.
     */
    public static ClassReadback ofImages(List<String> classes, int[] asked, List<Image> images, FmnistV1 reader) {
        return of(classes, asked, read(images.size(), i -> images.get(i), i -> "sample " + i, reader));
    }

    /**
     * Reads back a folder of Fashion-MNIST-sized samples written by another tool (or by
     * {@code atelier sample --out-dir}), in file-name order: every image asked for {@code askedClass},
     * or, when it is empty, the classes in turn (file k under class k mod 10, the order {@code atelier
     * sample} writes them). Only one batch of images is in memory at a time.
     */
    public static ClassReadback ofFolder(Path dir, OptionalInt askedClass, FmnistV1 reader) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": not a folder of images");
        }
        List<Path> files = ImageFeatureSource.imageFiles(dir);
        if (files.isEmpty()) {
            throw new InvalidInputException(dir + ": no image files (PNG, JPEG, BMP or GIF) in it");
        }
        List<String> classes = FashionMnist.CLASS_NAMES;
        int[] asked = new int[files.size()];
        for (int i = 0; i < asked.length; i++) {
            asked[i] = askedClass.isPresent() ? askedClass.getAsInt() : Sampling.classInTurn(i, classes.size());
        }
        return of(classes, asked, read(files.size(), i -> ImageFiles.read(files.get(i)), i -> files.get(i).toString(),
                reader));
    }

    /** The class {@code reader} reads from each of {@code n} images, {@link #BATCH} at a time. */
    private static int[] read(int n, IntFunction<Image> image, IntFunction<String> source, FmnistV1 reader) {
        int[] read = new int[n];
        for (int from = 0; from < n; from += BATCH) {
            List<Image> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + BATCH); i++) {
                batch.add(reader.prepare(image.apply(i), source.apply(i)));
            }
            int[] r = reader.classify(batch);
            System.arraycopy(r, 0, read, from, r.length);
        }
        return read;
    }

    /**
     * Whether {@link #of(Samples, List, FmnistV1)} can read a sampler's images: a class-conditional
     * model of 1×28×28 images with Fashion-MNIST's ten classes.
     */
    public static boolean applies(Sampler sampler) {
        return sampler.channels() == 1 && sampler.height() == FmnistCnn.SIZE && sampler.width() == FmnistCnn.SIZE
                && sampler.conditions().equals(FashionMnist.CLASS_NAMES);
    }

    /** Printable lines: all samples, then one per class. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(line("every class", overall));
        perClass.forEach(s -> out.add(line(s.value(), s)));
        return out;
    }

    private static String line(String name, ShareTable.Share s) {
        return String.format(Locale.ROOT, "  %-12s %5d read as asked (%.1f %%, 95 %% interval %.1f – %.1f)",
                name, s.count(), 100 * s.share(), 100 * s.ciLow(), 100 * s.ciHigh());
    }


    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("overall", overall.toJson());
        Map<String, Object> per = new LinkedHashMap<>();
        perClass.forEach(s -> per.put(s.value(), s.toJson()));
        m.put("per_class", per);
        m.put("level", ShareTable.LEVEL);
        return m;
    }
}
