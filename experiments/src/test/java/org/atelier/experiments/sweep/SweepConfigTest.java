package org.atelier.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.atelier.core.errors.ConfigException;
import org.junit.jupiter.api.Test;

class SweepConfigTest {
    private static final Path EXAMPLE = Path.of("..", "configs", "sweep-ddpm-cond-fashion.yaml");

    @Test
    void theCommittedExampleIsEveryCombinationSamplersOutermost() {
        SweepConfig cfg = SweepConfig.load(EXAMPLE, List.of());
        List<SweepPoint> points = cfg.points();
        assertEquals(4 * 2 * 2, points.size());
        assertEquals(new SweepPoint("ddim-10 w=1 seed 0", "ddim", 10, 1.0, 0), points.get(0));
        assertEquals(new SweepPoint("ddim-10 w=3 seed 0", "ddim", 10, 3.0, 0), points.get(1));
        assertEquals("euler-25 w=3 seed 0", points.get(points.size() - 1).label());
    }

    @Test
    void anUnknownSamplerIsNamedWithTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SweepConfig.load(EXAMPLE, List.of("grid.sampler=[ddim, heun]")));
        assertTrue(e.getMessage().contains("heun") && e.getMessage().contains("dpm++2m"), e.getMessage());
    }

    @Test
    void aFractionalGuidanceKeepsItsDecimals() {
        SweepConfig cfg = SweepConfig.load(EXAMPLE, List.of("grid.guidance=[1.5]", "grid.sampler=[ddpm]",
                "grid.steps=[50]"));
        assertEquals(List.of("ddpm-50 w=1.5 seed 0"), cfg.points().stream().map(SweepPoint::label).toList());
    }
}
