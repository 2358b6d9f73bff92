package org.atelier.evaluation.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.atelier.core.io.Json;

/** Shared fixtures: the scipy/numpy reference files and seeded random feature sets. */
final class TestData {
    private TestData() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestData.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** expected.json written by make_reference.py. */
    static JsonNode expected() {
        try {
            return Json.mapper().readTree(resource("expected.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static float[][] csv(String name) {
        List<float[]> rows = new ArrayList<>();
        new CsvFeatureSource(resource(name)).stream(b -> rows.addAll(List.of(b)));
        return rows.toArray(new float[0][]);
    }

    /** n rows of d standard normal values plus {@code shift}. */
    static float[][] gaussian(int n, int d, double shift, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) (rng.nextGaussian() + shift);
            }
        }
        return x;
    }

    static GaussianStatistics stats(float[][] rows, String extractor) {
        FeatureStatistics s = new FeatureStatistics(rows[0].length);
        s.addAll(rows);
        return s.toGaussian(extractor);
    }
}
