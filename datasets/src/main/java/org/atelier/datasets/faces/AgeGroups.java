package org.atelier.datasets.faces;

import java.util.List;

/**
 * The age bins of FairFace (Kärkkäinen and Joo, WACV 2021), used as the {@code age_group} of
 * every face dataset here so that slices line up across datasets: 0-2, 3-9, 10-19, 20-29,
 * 30-39, 40-49, 50-59, 60-69, "more than 70" (FairFace's own spelling; it holds ages 70 and up).
 */
public final class AgeGroups {
    /** The bins, youngest first, spelled as in FairFace's label files. */
    public static final List<String> BINS = List.of("0-2", "3-9", "10-19", "20-29", "30-39", "40-49",
            "50-59", "60-69", "more than 70");

    private AgeGroups() {
    }

    /** The bin holding {@code age} in whole years, {@code age >= 0}. */
    public static String of(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("age must be >= 0, got " + age);
        }
        if (age <= 2) {
            return BINS.get(0);
        }
        if (age <= 9) {
            return BINS.get(1);
        }
        return BINS.get(Math.min(8, age / 10 + 1));
    }
}
