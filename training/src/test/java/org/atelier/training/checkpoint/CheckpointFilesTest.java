package org.atelier.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointFilesTest {
    static Checkpoint checkpoint(long step) {
        Map<String, INDArray> params = new LinkedHashMap<>();
        params.put("g_w", Nd4j.rand(DataType.FLOAT, 3, 4).addi(step));
        params.put("d_w", Nd4j.rand(DataType.FLOAT, 5));
        CheckpointMeta meta = new CheckpointMeta(CheckpointFiles.FORMAT, step, 0.5, 1,
                new CheckpointMeta.RngState("counter", 9, step), Map.of("g", step, "d", step),
                new CheckpointMeta.Window(2, Map.of("d_loss", 0.1 + 0.2), 0.3), Map.of("d_loss", 1.0 / 3), 7, null);
        return new Checkpoint(meta, params, Map.of("g_bn_rmean", Nd4j.zeros(DataType.FLOAT, 1, 3)),
                Map.of("g_w", params.get("g_w").dup()), Map.of("g", Nd4j.rand(DataType.FLOAT, 1, 24)));
    }

    @Test
    void roundTripKeepsEveryBitAndTheMetadata(@TempDir Path tmp) {
        Checkpoint c = checkpoint(3);
        Path f = tmp.resolve("step-00000003.ckpt");
        CheckpointFiles.write(f, c);
        Checkpoint r = CheckpointFiles.read(f);
        assertEquals(c.parameters().get("g_w"), r.parameters().get("g_w"));
        assertEquals(c.optimizer().get("g"), r.optimizer().get("g"));
        assertEquals(c.ema().get("g_w"), r.ema().get("g_w"));
        assertEquals(0.1 + 0.2, r.meta().window().sums().get("d_loss"));
        assertEquals(1.0 / 3, r.meta().guardAverages().get("d_loss"));
        assertEquals(3, r.meta().rng().nextStep());
    }

    @Test
    void truncatedOrDamagedFilesAreReportedWithTheirPath(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("step-00000003.ckpt");
        CheckpointFiles.write(f, checkpoint(3));
        byte[] bytes = Files.readAllBytes(f);

        Path cut = tmp.resolve("cut.ckpt");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CorruptFileException e1 = assertThrows(CorruptFileException.class, () -> CheckpointFiles.read(cut));
        assertTrue(e1.getMessage().startsWith(cut.toString()) && e1.getMessage().contains("not a complete checkpoint"),
                e1.getMessage());

        Path flipped = tmp.resolve("flipped.ckpt");
        byte[] b = bytes.clone();
        b[bytes.length / 2] ^= 0x5a;
        Files.write(flipped, b);
        CorruptFileException e2 = assertThrows(CorruptFileException.class, () -> CheckpointFiles.read(flipped));
        assertTrue(e2.getMessage().startsWith(flipped.toString()), e2.getMessage());

        Path text = tmp.resolve("text.ckpt");
        Files.writeString(text, "hello");
        assertThrows(CorruptFileException.class, () -> CheckpointFiles.read(text));

        InvalidInputException e3 = assertThrows(InvalidInputException.class,
                () -> CheckpointFiles.read(tmp.resolve("nope.ckpt")));
        assertTrue(e3.getMessage().contains("no such checkpoint file"));
    }

    @Test
    void aWriteCutShortLeavesThePreviousCheckpointLoadable(@TempDir Path tmp) throws IOException {
        CheckpointStore store = new CheckpointStore(tmp, 3);
        store.save(checkpoint(10));
        // a crash in the middle of writing step 20: the bytes went to a temp file that never got renamed
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(store.pathFor(20), out -> {
            out.write(new byte[1000]);
            throw new IOException("killed");
        }));
        Files.write(tmp.resolve(".step-00000020.ckpt12345.tmp"), new byte[500]); // what a SIGKILL leaves behind
        Path latest = CheckpointStore.resolveResume(tmp);
        assertEquals(10, CheckpointStore.stepOf(latest));
        assertEquals(10, CheckpointFiles.read(latest).meta().step());
    }

    @Test
    void keepsTheNewestK(@TempDir Path tmp) {
        CheckpointStore store = new CheckpointStore(tmp, 2);
        for (long s : new long[] {1, 2, 3, 10}) {
            store.save(checkpoint(s));
        }
        assertEquals(java.util.List.of(store.pathFor(10), store.pathFor(3)), store.list());
    }

    @Test
    void badResumeTargetsSayWhatWasExpected(@TempDir Path tmp) throws IOException {
        InvalidInputException e1 = assertThrows(InvalidInputException.class,
                () -> CheckpointStore.resolveResume(tmp.resolve("runs/missing")));
        assertTrue(e1.getMessage().contains("no such run folder or checkpoint file"), e1.getMessage());
        Files.createDirectories(tmp.resolve("empty/checkpoints"));
        InvalidInputException e2 = assertThrows(InvalidInputException.class,
                () -> CheckpointStore.resolveResume(tmp.resolve("empty")));
        assertTrue(e2.getMessage().contains("no checkpoint found"), e2.getMessage());
    }
}
