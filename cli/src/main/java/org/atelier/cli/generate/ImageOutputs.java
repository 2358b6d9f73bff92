package org.atelier.cli.generate;

import java.nio.file.Path;
import java.util.List;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.image.ImageGrid;
import org.atelier.models.diffusion.Trajectory;

/** Where the generating commands write: a grid ({@code --out}), one file per image ({@code --out-dir}), a trajectory. */
final class ImageOutputs {
    private ImageOutputs() {
    }

    /**
     * @param grid   the grid PNG, or null for none
     * @param dir    the folder for {@code PREFIX-00000.png}, …, or null for none
     */
    static void write(List<Image> images, int columns, Path grid, Path dir, String prefix) {
        if (grid != null) {
            ImageFiles.writePng(ImageGrid.of(images, columns, ImageGrid.legibleScale(images.get(0))), grid);
        }
        if (dir != null) {
            ImageFiles.writeNumbered(images, dir, prefix);
        }
    }

    /** The trajectory's picture, when one was asked ({@code png} not null) and recorded. */
    static void writeTrajectory(Trajectory t, Path png) {
        if (png != null && t != null && !t.frames().isEmpty()) {
            ImageFiles.writePng(t.grid(), png);
        }
    }

    /** " -> grid.png", " -> dir/", both or neither, as the commands end their summary line. */
    static String arrows(Path grid, Path dir) {
        return (grid != null ? " -> " + grid : "") + (dir != null ? " -> " + dir + "/" : "");
    }
}
