package org.atelier.cli.diffusion;

import java.nio.file.Path;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.image.ImageGrid;
import org.atelier.models.diffusion.Trajectory;

/** Writing what the diffusion commands make. */
public final class DiffusionOutputs {
    private DiffusionOutputs() {
    }

    /** The trajectory as a grid: per recorded image a row of x_t and a row of predicted x0, one column per frame. */
    public static void writeTrajectory(Trajectory t, Path png) {
        if (t.frames().isEmpty()) {
            return;
        }
        int scale = t.frames().get(0).xt().get(0).width() < 64 ? 2 : 1;
        ImageFiles.writePng(ImageGrid.of(t.gridImages(), t.frames().size(), scale), png);
    }
}
