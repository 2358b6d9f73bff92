package org.atelier.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atelier.core.errors.ConfigException;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    enum Kind { LINEAR, COSINE }

    record Trainer(int steps, double lr, Kind schedule) {
        Trainer {
            if (steps <= 0) {
                throw new IllegalArgumentException("must be positive, got " + steps);
            }
        }
    }

    record Data(int batch, List<String> masks) {
    }

    record Experiment(String name, Trainer trainer, Data data) {
    }

    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, text);
        return f;
    }

    private static final String GOOD = """
            name: demo
            trainer: {steps: 100, lr: 0.001, schedule: cosine}
            data: {batch: 64, masks: [thick, thin]}
            """;

    @Test
    void bindsNestedRecordsAndEnumsCaseInsensitively() throws Exception {
        Experiment e = ConfigLoader.load(yaml(GOOD), Experiment.class, List.of());
        assertEquals(new Experiment("demo", new Trainer(100, 0.001, Kind.COSINE), new Data(64, List.of("thick", "thin"))), e);
    }

    @Test
    void unknownKeyNamesTheKeyPathAndTheFile() throws Exception {
        Path f = yaml(GOOD.replace("batch: 64", "batch: 64, batchsize: 3"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Experiment.class, List.of()));
        assertEquals("data.batchsize", e.keyPath());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("batch"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void illTypedValueNamesKeyAndExpectedType() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml(GOOD.replace("steps: 100", "steps: lots")), Experiment.class, List.of()));
        assertEquals("trainer.steps", e.keyPath());
        assertTrue(e.getMessage().contains("integer"), e.getMessage());
    }

    @Test
    void fractionalValueForAnIntegerIsRefused() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml(GOOD.replace("steps: 100", "steps: 1.5")), Experiment.class, List.of()));
        assertEquals("trainer.steps", e.keyPath());
    }

    @Test
    void recordValidationFailureNamesTheKey() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml(GOOD.replace("steps: 100", "steps: -3")), Experiment.class, List.of()));
        assertEquals("trainer", e.keyPath());
        assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
    }

    @Test
    void overridesAreAppliedAndTypedLikeTheFile() throws Exception {
        Experiment e = ConfigLoader.load(yaml(GOOD), Experiment.class,
                List.of("trainer.steps=200", "data.batch=32", "data.masks=[center-box]", "trainer.schedule=LINEAR"));
        assertEquals(200, e.trainer().steps());
        assertEquals(32, e.data().batch());
        assertEquals(List.of("center-box"), e.data().masks());
        assertEquals(Kind.LINEAR, e.trainer().schedule());
    }

    @Test
    void badOverrideKeyNamesTheOverride() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml(GOOD), Experiment.class, List.of("trainer.stepz=5")));
        assertEquals("trainer.stepz", e.keyPath());
        assertTrue(e.getMessage().contains("--set trainer.stepz=5"), e.getMessage());
        ConfigException typed = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml(GOOD), Experiment.class, List.of("data.batch=many")));
        assertTrue(typed.getMessage().contains("--set data.batch=many"), typed.getMessage());
        assertThrows(ConfigException.class, () -> ConfigLoader.load(yaml(GOOD), Experiment.class, List.of("novalue")));
        assertThrows(ConfigException.class, () -> ConfigLoader.load(yaml(GOOD), Experiment.class, List.of("name.sub=1")));
    }

    @Test
    void missingFileAndBrokenYamlAreUserErrors() throws Exception {
        assertThrows(InvalidInputException.class,
                () -> ConfigLoader.load(dir.resolve("absent.yaml"), Experiment.class, List.of()));
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("trainer: {steps: [1, 2"), Experiment.class, List.of()));
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    /** Issue 16, item 11: an alias used to read as its anchor's name ([&s skin_group, *s] gave [skin_group, s]). */
    @Test
    void yamlAnchorsAndAliasesAreRefusedNamingTheLine() throws Exception {
        Path f = yaml("name: exp\ndata:\n  batch: 4\n  masks: [&s thick, *s]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Experiment.class, List.of()));
        assertTrue(e.getMessage().startsWith(f + ": YAML anchors and aliases are not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
        assertThrows(ConfigException.class, () -> ConfigLoader.load(yaml("name: exp\n"), Experiment.class,
                List.of("data.masks=[&a x, *a]")));
    }

    @Test
    void aConfigFileAboveTheSizeCapIsRefusedUnread() throws Exception {
        Path f = yaml("name: exp\n#" + "x".repeat(ConfigLoader.MAX_BYTES) + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Experiment.class, List.of()));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void hashIgnoresFormattingButNotValues() throws Exception {
        Experiment a = ConfigLoader.load(yaml(GOOD), Experiment.class, List.of());
        Experiment b = ConfigLoader.load(yaml("""
                data:
                  masks: [thick, thin]
                  batch: 64
                trainer: {schedule: COSINE, lr: 1.0e-3, steps: 100}
                name: demo
                """), Experiment.class, List.of());
        assertEquals(ConfigLoader.hash(a), ConfigLoader.hash(b));
        Experiment c = ConfigLoader.load(yaml(GOOD), Experiment.class, List.of("trainer.steps=101"));
        assertNotEquals(ConfigLoader.hash(a), ConfigLoader.hash(c));
        assertEquals(a, ConfigLoader.bind(
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(ConfigLoader.toYaml(a)), Experiment.class, "round trip", List.of()));
    }
}
