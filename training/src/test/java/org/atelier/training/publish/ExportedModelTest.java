package org.atelier.training.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Hashing;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.training.Runs;
import org.atelier.training.StopSignal;
import org.atelier.training.checkpoint.Checkpoint;
import org.atelier.training.checkpoint.CheckpointFiles;
import org.atelier.training.checkpoint.CheckpointStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** atelier export on a tiny class-conditional diffusion run: EMA weights only, verified on load, reproducible. */
class ExportedModelTest {
    @TempDir
    static Path tmp;
    static Path run;

    /** Three steps of a tiny28 DDPM on 40 test images, EMA decay 0.9 so the EMA differs from the trained weights. */
    @BeforeAll
    static void train() throws Exception {
        Path cfg = tmp.resolve("tiny-ddpm.yaml");
        Files.writeString(cfg, String.join("\n",
                "name: tiny-ddpm",
                "seed: 3",
                "data: {dataset: 'fashion-mnist:test', limit: 40}",
                "model: {family: ddpm, arch: tiny28, timesteps: 100, conditioning: class, preview_steps: 2}",
                "trainer: {steps: 3, batch_size: 4, optimizer: {kind: adam, lr: 0.001}, ema_decay: 0.9,",
                "          checkpoint_every: 3, log_every: 1, sample_every: 3, sample_count: 10}", ""));
        Runs.train(new Runs.Request(cfg, List.of(), Optional.empty(), Optional.empty(), tmp.resolve("runs"),
                new StopSignal(), false, List.of()));
        run = tmp.resolve("runs/tiny-ddpm");
    }

    @Test
    void exportedFolderHoldsTheEmaWeightsAndGivesTheRunsOutputs() {
        Path out = tmp.resolve("published");
        ModelCard card = ModelExport.export(run, out, false);
        Path weights = out.resolve(PublishedModel.WEIGHTS);
        Path ckptFile = CheckpointStore.resolveResume(run);

        Checkpoint published = CheckpointFiles.read(weights);
        Checkpoint ckpt = CheckpointFiles.read(ckptFile);
        assertTrue(published.optimizer().isEmpty() && published.ema().isEmpty(), "no optimiser state, no second copy");
        assertEquals(ckpt.parameters().keySet(), published.parameters().keySet());
        boolean differsFromTrained = false;
        for (String n : ckpt.parameters().keySet()) {
            float[] p = flat(published.parameters().get(n));
            assertArrayEquals(flat(ckpt.ema().get(n)), p, 0f, n + " is the EMA value");
            differsFromTrained |= !java.util.Arrays.equals(flat(ckpt.parameters().get(n)), p);
        }
        assertTrue(differsFromTrained, "EMA (decay 0.9) is not the trained weights, so the check above means something");

        assertEquals("tiny-ddpm", card.name());
        assertEquals("ddpm", card.family());
        assertEquals(3, card.trainingSteps());
        assertEquals(3, card.configuredSteps());
        assertEquals(1, card.trainSessions());
        assertNotNull(card.trainSeconds());
        assertTrue(card.trainSeconds() > 0);
        assertEquals(Hashing.sha256(weights), card.weights().sha256());
        assertEquals(List.of("config.yaml", "data.json", "weights.ckpt", "provenance.json", "samples.png"),
                List.copyOf(card.files().keySet()));
        assertTrue(card.reproduce().get(0).startsWith("./atelier train ") && card.reproduce().get(1).contains("export"),
                card.reproduce().toString());
        assertEquals("step-00000003.ckpt", card.source().checkpoint());
        assertEquals(card, PublishedModel.verify(out));

        Runs.Loaded fromRun = Runs.load(run);
        Runs.Loaded fromFolder = PublishedModel.load(out);
        assertEquals(ConfigLoader.hash(fromRun.config()), card.configHash());
        assertEquals(weights, fromFolder.checkpoint());
        DiffusionModel a = (DiffusionModel) fromRun.model();
        DiffusionModel b = (DiffusionModel) fromFolder.model();
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.FLOAT, 3, 1, 28, 28);
        List<Condition> cs = List.of(a.conditionAt(0), a.conditionAt(7), a.conditionSpace().nullCondition());
        for (int t : new int[] {0, 57, 99}) {
            assertArrayEquals(flat(a.predict(x, t, cs)), flat(b.predict(x, t, cs)), 0f, "t=" + t);
        }
    }

    private static float[] flat(INDArray a) {
        return a.reshape(a.length()).toFloatVector();
    }

    @Test
    void theSameCheckpointExportsToTheSameBytes() throws Exception {
        ModelCard one = ModelExport.export(run, tmp.resolve("first"), false);
        ModelCard two = ModelExport.export(run, tmp.resolve("second"), false);
        assertEquals(one.weights().sha256(), two.weights().sha256());
        assertEquals(one.files(), two.files());
        ModelCard again = ModelExport.export(run, tmp.resolve("first"), true);
        assertEquals(one.weights().sha256(), again.weights().sha256());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ModelExport.export(run, tmp.resolve("first"), false));
        assertTrue(e.getMessage().contains("--replace"), e.getMessage());
        assertTrue(Files.size(tmp.resolve("first/weights.ckpt")) < Files.size(CheckpointStore.resolveResume(run)) / 2,
                "weights alone are well under half a checkpoint with Adam state");
    }

    @Test
    void aChangedOrMissingFileIsRefusedByName() throws Exception {
        Path out = tmp.resolve("damaged");
        ModelExport.export(run, out, false);
        Path weights = out.resolve(PublishedModel.WEIGHTS);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(weights, bytes);
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> PublishedModel.load(out));
        assertEquals(weights, e.file());
        assertTrue(e.getMessage().startsWith(weights.toString()) && e.getMessage().contains("SHA-256")
                && e.getMessage().contains("changed or damaged"), e.getMessage());

        ModelExport.export(run, out, true);
        Files.writeString(out.resolve(PublishedModel.CONFIG), "# edited\n", StandardOpenOption.APPEND);
        CorruptFileException c = assertThrows(CorruptFileException.class, () -> ModelSources.load(out));
        assertEquals(out.resolve(PublishedModel.CONFIG), c.file());

        ModelExport.export(run, out, true);
        Files.delete(out.resolve(PublishedModel.DATA));
        CorruptFileException m = assertThrows(CorruptFileException.class, () -> PublishedModel.load(out));
        assertTrue(m.getMessage().contains("data.json") && m.getMessage().contains("missing"), m.getMessage());

        Files.delete(out.resolve(PublishedModel.CARD));
        assertFalse(PublishedModel.isPublished(out));
        InvalidInputException n = assertThrows(InvalidInputException.class, () -> ModelSources.load(out));
        assertTrue(n.getMessage().contains("not a published model folder"), n.getMessage());
    }

    /**
     * Issue 16, item 6: export --out used to overwrite another run's config.yaml, data.json and
     * provenance.json unless the folder held a model card; a folder with anything an export does
     * not write is refused now, --replace or not, and left as it was.
     */
    @Test
    void exportRefusesToOverwriteAnotherRunsFolder() throws Exception {
        Path other = tmp.resolve("runs/other-run");
        Files.createDirectories(other.resolve("checkpoints"));
        Files.writeString(other.resolve("config.yaml"), "name: other-run\n");
        Files.writeString(other.resolve("metrics.jsonl"), "{\"step\":1}\n");
        for (boolean replace : new boolean[] {false, true}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> ModelExport.export(run, other, replace));
            assertTrue(e.getMessage().contains("holds files an export does not write (checkpoints, metrics.jsonl)"),
                    e.getMessage());
        }
        assertEquals("name: other-run\n", Files.readString(other.resolve("config.yaml")));
        assertFalse(Files.exists(other.resolve("data.json")));
    }

    @Test
    void aBareNameIsAPublishedModelInTheWeightsFolder() {
        String before = System.getProperty("atelier.home");
        Path home = tmp.resolve("home");
        System.setProperty("atelier.home", home.toString());
        try {
            InvalidInputException none = assertThrows(InvalidInputException.class,
                    () -> ModelSources.resolve(Path.of("tiny-ddpm")));
            assertTrue(none.getMessage().contains("none (make one with 'atelier export"), none.getMessage());
            ModelExport.export(run, home.resolve("weights/tiny-ddpm"), false);
            assertEquals(home.resolve("weights/tiny-ddpm"), ModelSources.resolve(Path.of("tiny-ddpm")));
            assertEquals(List.of("tiny-ddpm"), ModelSources.published());
            Runs.Loaded loaded = ModelSources.load(Path.of("tiny-ddpm"));
            assertEquals(home.resolve("weights/tiny-ddpm/weights.ckpt"), loaded.checkpoint());
            assertEquals(run, ModelSources.resolve(run), "an existing path is taken as it is");
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> ModelSources.resolve(Path.of("ddpm-nope")));
            assertTrue(e.getMessage().contains("ddpm-nope") && e.getMessage().contains(": tiny-ddpm;"), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("atelier.home");
            } else {
                System.setProperty("atelier.home", before);
            }
        }
    }
}
