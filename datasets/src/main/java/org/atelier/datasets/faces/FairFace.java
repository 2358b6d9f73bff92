package org.atelier.datasets.faces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.Sample;
import org.atelier.datasets.manifest.CsvTable;
import org.atelier.datasets.manifest.ImageListing;
import org.atelier.datasets.manifest.ImageTarget;
import org.atelier.datasets.manifest.ManifestDataset;
import org.atelier.datasets.manifest.ManifestEntry;

/**
 * FairFace (Kärkkäinen and Joo, "FairFace: Face Attribute Dataset for Balanced Race, Gender,
 * and Age", WACV 2021): label CSVs {@code fairface_label_train.csv} / {@code fairface_label_val.csv}
 * with columns {@code file,age,gender,race,service_test}, where {@code file} is relative to the
 * image folder (e.g. {@code val/1.jpg}) and {@code age} is one of the bins of {@link AgeGroups}
 * (e.g. {@code 20-29}).
 *
 * <p>Attributes: {@code age_group} (the {@code age} column, checked against the bins), then
 * {@code gender}, {@code race} and every further column (e.g. {@code service_test}) as written.
 * No class labels. Id {@code fairface:<split>} from the file name ({@code fairface:val}); the CSV
 * is hashed with the images.
 */
public final class FairFace {
    private FairFace() {
    }

    /**
     * @param imageRoot folder the {@code file} column is relative to (holding {@code train/}, {@code val/})
     * @param labelCsv  a FairFace label CSV
     * @throws InvalidInputException naming the row, for a missing column, an age outside the bins,
     *                               an empty gender or race, or a refused path
     */
    public static ManifestDataset open(Path imageRoot, Path labelCsv, ImageTarget target) {
        CsvTable table = CsvTable.read(labelCsv);
        table.requireColumns("file", "age", "gender", "race");
        List<String> extra = table.columns().stream()
                .filter(c -> !List.of("file", "age", "gender", "race").contains(c)).toList();
        List<String> attributeNames = new ArrayList<>(List.of("age_group", "gender", "race"));
        attributeNames.addAll(extra);
        String rowName = labelCsv.getFileName() + " row";
        List<ManifestEntry> entries = new ArrayList<>(table.rows().size());
        for (int r = 0; r < table.rows().size(); r++) {
            Map<String, String> row = table.rows().get(r);
            String origin = rowName + " " + (r + 1) + " ('" + row.get("file") + "')";
            String age = row.get("age");
            if (!AgeGroups.BINS.contains(age)) {
                throw new InvalidInputException(origin + ": age '" + age + "', expected one of " + AgeGroups.BINS);
            }
            for (String c : List.of("gender", "race")) {
                if (row.get(c).isEmpty()) {
                    throw new InvalidInputException(origin + ": empty " + c);
                }
            }
            List<String> values = new ArrayList<>(List.of(age, row.get("gender"), row.get("race")));
            for (String c : extra) {
                values.add(row.get(c));
            }
            entries.add(new ManifestEntry(row.get("file"), Sample.NO_LABEL, values, r + 1));
        }
        String split = labelCsv.getFileName().toString().replaceFirst("\\.[^.]*$", "")
                .replaceFirst("^fairface_label_", "");
        return ManifestDataset.of(new ImageListing("fairface:" + split, imageRoot, rowName, entries, List.of(),
                attributeNames, List.of(labelCsv), List.of()), target);
    }
}
