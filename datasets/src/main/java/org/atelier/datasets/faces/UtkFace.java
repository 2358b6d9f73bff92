package org.atelier.datasets.faces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.Sample;
import org.atelier.datasets.manifest.ImageListing;
import org.atelier.datasets.manifest.ImageTarget;
import org.atelier.datasets.manifest.ManifestDataset;
import org.atelier.datasets.manifest.ManifestEntry;

/**
 * UTKFace (Zhang, Song and Qi, "Age Progression/Regression by Conditional Adversarial
 * Autoencoder", CVPR 2017): one folder of face images whose labels are in the file names,
 * {@code <age>_<gender>_<race>_<datetime>.jpg} (the aligned-and-cropped release appends
 * {@code .chip.jpg}). Gender 0 = male, 1 = female; race 0 = White, 1 = Black, 2 = Asian,
 * 3 = Indian, 4 = Others.
 *
 * <p>Attributes: {@code age} (years, as written), {@code age_group} (the FairFace bins of
 * {@link AgeGroups}, so slices compare across datasets), {@code gender} ({@code Male} /
 * {@code Female}, spelled as in FairFace), {@code race} (the names above). No class labels.
 *
 * <p>Files whose names do not parse (the public release has a few with a field missing) are
 * <b>skipped and reported</b>, one line each, in {@link ManifestDataset#warnings()}: refusing
 * would make the release unusable, and dropping them silently would hide a change in slice
 * counts from an audit. Hidden files (name starting with '.') are ignored. A folder where no
 * name parses is refused. Files are taken in name order; the folder is not searched
 * recursively. Id {@code utkface}; the hash covers the images and their names.
 */
public final class UtkFace {
    /** Race names indexed by the race field. */
    public static final List<String> RACES = List.of("White", "Black", "Asian", "Indian", "Others");
    /** Gender names indexed by the gender field. */
    public static final List<String> GENDERS = List.of("Male", "Female");
    /** Ages accepted, in years: the release spans 1 to 116. */
    public static final int MAX_AGE = 130;

    private static final Pattern NAME = Pattern.compile(
            "(\\d{1,3})_(\\d)_(\\d)_(\\d+)\\.(?i:jpe?g|png)(?:\\.chip\\.(?i:jpe?g|png))?");

    private UtkFace() {
    }

    /**
     * @throws InvalidInputException when the folder is missing or no file name parses
     */
    public static ManifestDataset open(Path dir, ImageTarget target) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": UTKFace image folder not found");
        }
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(dir + ": UTKFace folder cannot be listed (" + e.getMessage() + ")", e);
        }
        List<ManifestEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String problem = parse(name, i + 1, entries);
            if (problem != null) {
                skipped.add(name + ": skipped, " + problem);
            }
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException(dir + ": no UTKFace image names found among " + names.size()
                    + " files (expected age_gender_race_datetime.jpg, e.g. 25_1_2_20170116174525125.jpg.chip.jpg)");
        }
        List<String> warnings = new ArrayList<>();
        if (!skipped.isEmpty()) {
            warnings.add(dir + ": " + skipped.size() + " of " + names.size()
                    + " files skipped because their names do not parse");
            warnings.addAll(skipped);
        }
        return ManifestDataset.of(new ImageListing("utkface", dir, "UTKFace file", entries, List.of(),
                List.of("age", "age_group", "gender", "race"), List.of(), warnings), target);
    }

    /** Adds the entry for {@code name}, or returns why it does not parse. */
    private static String parse(String name, int row, List<ManifestEntry> entries) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return "expected <age>_<gender>_<race>_<datetime>.jpg";
        }
        int age = Integer.parseInt(m.group(1));
        int gender = Integer.parseInt(m.group(2));
        int race = Integer.parseInt(m.group(3));
        if (age > MAX_AGE) {
            return "age " + age + " above " + MAX_AGE;
        }
        if (gender >= GENDERS.size()) {
            return "gender " + gender + ", expected 0 (male) or 1 (female)";
        }
        if (race >= RACES.size()) {
            return "race " + race + ", expected 0 to 4";
        }
        entries.add(new ManifestEntry(name, Sample.NO_LABEL,
                List.of(Integer.toString(age), AgeGroups.of(age), GENDERS.get(gender), RACES.get(race)), row));
        return null;
    }
}
