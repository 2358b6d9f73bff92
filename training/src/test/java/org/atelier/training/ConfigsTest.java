package org.atelier.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.ConfigException;
import org.atelier.models.gan.GanArch;
import org.atelier.models.gan.GanConfig;
import org.atelier.models.gan.GanFamily;
import org.atelier.training.config.RunConfig;
import org.junit.jupiter.api.Test;

/** Every shipped GAN config binds strictly; the DCGAN one has the reference settings. */
class ConfigsTest {
    static final Path CONFIGS = Path.of("..", "configs");

    @Test
    void shippedConfigsBind() throws IOException {
        List<String> gan = List.of("dcgan-fashion", "cgan-fashion", "wgan-fdgp-fashion", "gan-inpaint-fashion",
                "dcgan-portraits", "dcgan-portraits-skewed", "cgan-portraits", "dcgan-demo");
        for (String name : gan) {
            RunConfig c = ConfigLoader.load(CONFIGS.resolve(name + ".yaml"), RunConfig.class, List.of());
            assertEquals(name, c.name());
        }
        RunConfig d = ConfigLoader.load(CONFIGS.resolve("dcgan-fashion.yaml"), RunConfig.class, List.of());
        GanConfig g = (GanConfig) d.model();
        assertEquals(GanFamily.DCGAN, g.family());
        assertEquals(GanArch.DCGAN28, g.arch());
        assertEquals(100, g.zDim());
        assertEquals(64, d.trainer().batchSize());
        assertEquals(2e-4, d.trainer().optimizer().lr());
        assertEquals(0.5, d.trainer().optimizer().beta1());
        try (Stream<Path> s = Files.list(CONFIGS)) {
            assertTrue(s.count() >= gan.size());
        }
    }

    @Test
    void unknownKeysAndBadOverridesNameTheKey() {
        Path f = CONFIGS.resolve("dcgan-fashion.yaml");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(f, RunConfig.class, List.of("trainer.stpes=5")));
        assertTrue(e.getMessage().contains("trainer.stpes") && e.getMessage().contains("unknown key"), e.getMessage());
        ConfigException e2 = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(f, RunConfig.class, List.of("model.family=gan9")));
        assertTrue(e2.getMessage().contains("model.family"), e2.getMessage());
        RunConfig c = ConfigLoader.load(f, RunConfig.class, List.of("trainer.steps=7", "model.arch=tiny28"));
        assertEquals(7L, c.trainer().steps());
    }
}
