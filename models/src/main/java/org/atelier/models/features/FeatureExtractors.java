package org.atelier.models.features;

import java.util.List;
import org.atelier.core.errors.InvalidInputException;

/** Looks extractors up by the id users type. */
public final class FeatureExtractors {
    /** Ids {@link #load} knows. */
    public static final List<String> IDS = List.of(FmnistV1.ID, PortraitsV1.ID);

    private FeatureExtractors() {
    }

    public static FeatureExtractor load(String id) {
        if (FmnistV1.ID.equals(id)) {
            return FmnistV1.load();
        }
        if (PortraitsV1.ID.equals(id)) {
            return PortraitsV1.load();
        }
        throw new InvalidInputException("unknown feature extractor '" + id + "'; known: " + String.join(", ", IDS));
    }
}
