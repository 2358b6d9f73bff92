package org.atelier.evaluation.fidelity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.masks.Mask;
import org.atelier.models.features.PerceptualNetwork;

/**
 * Scores a folder of inpainted images against a folder of originals (and, optionally, a
 * folder of masks), pairing files by name: for {@code output/x.png} the reference is
 * {@code reference/x.png} (or another image file with stem {@code x}) and the mask
 * {@code masks/x.png} likewise. A mask image is read as grey; values above mid-grey (8-bit
 * &gt; 127) are the hole.
 */
public final class FidelityEvaluation {
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private FidelityEvaluation() {
    }

    /**
     * @param network perceptual network, or null to skip the perceptual distance
     */
    public static FidelityReport run(Path referenceDir, Path outputDir, Path masksDir, int bandPx, boolean composite,
                                     PerceptualNetwork network) {
        requireDir(referenceDir, "--reference");
        requireDir(outputDir, "--output");
        if (masksDir != null) {
            requireDir(masksDir, "--masks");
        } else if (composite) {
            throw new InvalidInputException("--composite needs --masks (the hole to keep from the output)");
        }
        List<Path> outputs = imageFiles(outputDir);
        if (outputs.isEmpty()) {
            throw new InvalidInputException(outputDir + ": no image files to score (expected " + String.join(", ", EXTENSIONS) + ")");
        }
        InpaintingScorer scorer = new InpaintingScorer(bandPx, composite, network);
        List<ImageScores> scores = new ArrayList<>();
        for (Path out : outputs) {
            String name = out.getFileName().toString();
            Path ref = partner(referenceDir, name, "--reference");
            Mask mask = masksDir == null ? null : readMask(partner(masksDir, name, "--masks"));
            Image reference = ImageFiles.read(ref);
            Image output = ImageFiles.read(out);
            scores.add(scorer.score(name, reference, output, mask));
        }
        return FidelityReport.of(composite, bandPx, network == null ? "none" : network.id(), scores);
    }

    /** A mask image: grey level above 127 (of 255) is the hole. */
    public static Mask readMask(Path file) {
        Image img = ImageFiles.read(file);
        int plane = img.height() * img.width();
        boolean[] hole = new boolean[plane];
        for (int i = 0; i < plane; i++) {
            double v = 0;
            for (int c = 0; c < img.channels(); c++) {
                v += img.pixels()[c * plane + i];
            }
            hole[i] = v / img.channels() > 0.0; // [-1, 1] scale: 0 is mid-grey
        }
        return new Mask(img.height(), img.width(), hole);
    }

    private static Path partner(Path dir, String name, String option) {
        Path exact = dir.resolve(name);
        if (Files.isRegularFile(exact)) {
            return exact;
        }
        String stem = stem(name);
        for (Path p : imageFiles(dir)) {
            if (stem(p.getFileName().toString()).equals(stem)) {
                return p;
            }
        }
        throw new InvalidInputException(option + " " + dir + ": no image named " + stem + ".* to pair with output " + name);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static List<Path> imageFiles(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> EXTENSIONS.stream().anyMatch(e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void requireDir(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(option + " " + dir + ": no such folder");
        }
    }
}
