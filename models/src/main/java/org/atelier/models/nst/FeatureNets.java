package org.atelier.models.nst;

import java.nio.file.Path;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.ProjectRoot;

/** Feature nets by the name a config or the command line gives. */
public final class FeatureNets {
    /** The default: {@link RandomFeatureNet} with seed 0. */
    public static final String DEFAULT = "random";

    private FeatureNets() {
    }

    /**
     * {@code random} (seed 0), {@code random:SEED}, or the path of a VGG-16/19 {@code .npz}
     * ({@link VggWeights}); a relative path is looked up in the working directory, then under
     * the project root.
     *
     * @throws InvalidInputException when the name is neither
     */
    public static FeatureNet open(String spec) {
        if (spec == null || spec.isBlank() || spec.equals(DEFAULT)) {
            return RandomFeatureNet.create(0);
        }
        if (spec.startsWith("random:")) {
            try {
                return RandomFeatureNet.create(Long.parseLong(spec.substring("random:".length())));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("feature net '" + spec + "': expected random:SEED with an integer seed");
            }
        }
        if (!spec.endsWith(".npz")) {
            throw new InvalidInputException("feature net '" + spec + "': expected 'random', 'random:SEED' or a VGG-16/19 "
                    + ".npz file (see the README, section Style transfer)");
        }
        return VggWeights.load(resolve(spec));
    }

    /** A relative path as given when it exists there, else under the project root. */
    public static Path resolve(String path) {
        Path p = Path.of(path);
        if (p.isAbsolute() || p.toFile().exists()) {
            return p;
        }
        return ProjectRoot.path().resolve(p);
    }
}
