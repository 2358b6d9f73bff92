package org.atelier.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.ConfigException;
import org.atelier.datasets.portraits.PortraitSpec;
import org.atelier.datasets.portraits.SyntheticPortraits;
import org.atelier.models.Trainable;
import org.atelier.models.diffusion.ConditioningKind;
import org.atelier.models.diffusion.DiffusionConfig;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.ScheduleKind;
import org.atelier.models.diffusion.UNetArch;
import org.atelier.training.checkpoint.CheckpointStore;
import org.atelier.training.config.OptimizerConfig;
import org.atelier.training.config.RunConfig;
import org.atelier.training.config.TrainerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diffusion family through the shared loop: configs, family registry, exact resume with EMA. */
class DiffusionFamilyTest {
    @Test
    void shippedDiffusionConfigsBind() {
        for (String name : List.of("ddpm-fashion", "ddpm-cond-fashion", "ddpm-portraits")) {
            RunConfig c = ConfigLoader.load(ConfigsTest.CONFIGS.resolve(name + ".yaml"), RunConfig.class, List.of());
            assertEquals(name, c.name());
            assertEquals("ddpm", c.model().familyId());
        }
        RunConfig cond = ConfigLoader.load(ConfigsTest.CONFIGS.resolve("ddpm-cond-fashion.yaml"), RunConfig.class, List.of());
        DiffusionConfig d = (DiffusionConfig) cond.model();
        assertEquals(UNetArch.UNET28, d.arch());
        assertEquals(ConditioningKind.CLASS, d.conditioning());
        assertEquals(0.1, d.condDrop());
        assertEquals(ScheduleKind.LINEAR, d.schedule());
        RunConfig p = ConfigLoader.load(ConfigsTest.CONFIGS.resolve("ddpm-portraits.yaml"), RunConfig.class, List.of());
        assertTrue(((DiffusionConfig) p.model()).attributes().contains("glasses"));
    }

    @Test
    void configErrorsNameTheKey() {
        Path f = ConfigsTest.CONFIGS.resolve("ddpm-fashion.yaml");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(f, RunConfig.class, List.of("model.family=ddim")));
        assertTrue(e.getMessage().contains("model.family") && e.getMessage().contains("ddpm")
                && e.getMessage().contains("dcgan"), e.getMessage());
        ConfigException e2 = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(f, RunConfig.class, List.of("model.z_dim=100")));
        assertTrue(e2.getMessage().contains("model.z_dim") && e2.getMessage().contains("unknown key"), e2.getMessage());
        ConfigException e3 = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(f, RunConfig.class, List.of("model.arch=unet99")));
        assertTrue(e3.getMessage().contains("model.arch") && e3.getMessage().contains("unet28"), e3.getMessage());
        RunConfig cond = ConfigLoader.load(ConfigsTest.CONFIGS.resolve("ddpm-cond-fashion.yaml"), RunConfig.class,
                List.of("model.arch=tiny32"));
        ConfigException e4 = assertThrows(ConfigException.class,
                () -> Families.create(cond, new DataShape("fm", 1, 28, 28, List.of("a", "b")), "x.yaml"));
        assertTrue(e4.getMessage().contains("model.arch") && e4.getMessage().contains("28x28"), e4.getMessage());
    }

    @Test
    void attributeConditioningTakesItsSlotsFromTheData() {
        SyntheticPortraits data = new SyntheticPortraits(new PortraitSpec(32, 40, 7L, null));
        RunConfig cfg = ConfigLoader.load(ConfigsTest.CONFIGS.resolve("ddpm-portraits.yaml"), RunConfig.class,
                List.of("model.arch=tiny32"));
        DiffusionModel m = (DiffusionModel) Families.create(cfg, DataShape.of(data), "p.yaml");
        assertEquals(List.of("skin_group", "age", "hair", "hair_style", "glasses", "expression", "background"),
                m.conditionSpace().slotNames());
        assertTrue(m.conditions().contains("age=old") && m.conditions().contains("glasses=yes"), m.conditions().toString());
        RunConfig bad = ConfigLoader.load(ConfigsTest.CONFIGS.resolve("ddpm-portraits.yaml"), RunConfig.class,
                List.of("model.arch=tiny32", "model.attributes=[age, hat]"));
        ConfigException e = assertThrows(ConfigException.class, () -> Families.create(bad, DataShape.of(data), "p.yaml"));
        assertTrue(e.getMessage().contains("hat") && e.getMessage().contains("glasses"), e.getMessage());
    }

    static DiffusionModel tiny() {
        DiffusionConfig d = new DiffusionConfig("ddpm", UNetArch.TINY8, null, null, null, null, null, 100, null,
                ConditioningKind.CLASS, null, null, null, 2, 2.0, null);
        return (DiffusionModel) Families.create(new RunConfig("t", 5L, new org.atelier.training.config.DataConfig(
                "fashion-mnist:test", null, null, null, null, null), d, cfg(4)), DataShape.of(DATA), "t.yaml");
    }

    static final org.atelier.datasets.ImageDataset DATA = new Tiny8();

    /** 24 grey 8×8 images: a bright row whose position is the class (3 classes). */
    static final class Tiny8 implements org.atelier.datasets.ImageDataset {
        @Override
        public String id() {
            return "tiny8";
        }

        @Override
        public String contentHash() {
            return "tiny8-v1";
        }

        @Override
        public int size() {
            return 24;
        }

        @Override
        public int channels() {
            return 1;
        }

        @Override
        public int height() {
            return 8;
        }

        @Override
        public int width() {
            return 8;
        }

        @Override
        public org.atelier.datasets.Sample get(int i) {
            org.atelier.core.image.Image im = org.atelier.core.image.Image.blank(1, 8, 8, -1f);
            for (int x = 0; x < 8; x++) {
                im.set(0, 1 + (i % 3) * 2 + (i / 3) % 2, x, 1f);
            }
            return new org.atelier.datasets.Sample(im, i % 3, java.util.Map.of());
        }

        @Override
        public List<String> classNames() {
            return List.of("top", "middle", "bottom");
        }

        @Override
        public List<String> attributeNames() {
            return List.of();
        }
    }

    static TrainerConfig cfg(long steps) {
        return new TrainerConfig(steps, 4, OptimizerConfig.adam(1e-3, 0.9, 0.999), null, 1.0, 0.9, 2L, 2, 1L, 0L, 3, null, null);
    }

    @Test
    void resumedDiffusionRunMatchesAnUninterruptedOne(@TempDir Path tmp) {
        TrainResult whole = new Trainer(cfg(4), 5, new RunDir(tmp.resolve("whole")), new StopSignal(), false, List.of())
                .train(tiny(), DATA, Optional.empty());
        assertTrue(whole.completed());
        StopSignal stop = new StopSignal();
        StepListener stopAt2 = new StepListener() {
            @Override
            public long every() {
                return 2;
            }

            @Override
            public void onStep(long step, Trainable model) {
                stop.request();
            }
        };
        Path split = tmp.resolve("split");
        TrainResult first = new Trainer(cfg(4), 5, new RunDir(split), stop, false, List.of(stopAt2))
                .train(tiny(), DATA, Optional.empty());
        assertFalse(first.completed());
        TrainResult second = new Trainer(cfg(4), 5, new RunDir(split), new StopSignal(), false, List.of())
                .train(tiny(), DATA, Optional.of(CheckpointStore.resolveResume(split)));
        assertTrue(second.completed());
        assertEquals(MetricsLog.deterministicLines(tmp.resolve("whole/metrics.jsonl")),
                MetricsLog.deterministicLines(split.resolve("metrics.jsonl")));
        assertTrue(java.nio.file.Files.exists(split.resolve("samples/step-00000004.png")));
    }
}
