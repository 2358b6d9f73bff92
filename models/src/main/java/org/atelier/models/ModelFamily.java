package org.atelier.models;

/** A family's name as a run config's {@code model.family} writes it (e.g. {@code dcgan}, {@code fast-nst}). */
public interface ModelFamily {
    String id();
}
