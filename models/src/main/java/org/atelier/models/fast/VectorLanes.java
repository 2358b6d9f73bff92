package org.atelier.models.fast;

/**
 * Whether the JDK's Vector API can be used: it is an incubator module in Java 17, resolved only
 * when the JVM is started with {@code --add-modules jdk.incubator.vector} ({@code atelier} and the
 * tests do; a Jupyter kernel or an embedding application may not). This class names no class of
 * that module, so asking costs nothing when it is absent.
 */
final class VectorLanes {
    static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorLanes() {
    }
}
