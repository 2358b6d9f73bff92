package org.atelier.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.cli.MainTestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flags of {@code atelier extractor …}: bad values are refused with a message naming them
 * before any data are read or any training starts. Every call names a temporary --out, so that
 * a check that failed to refuse could never overwrite the committed weights.
 */
class ExtractorCommandsTest {
    @TempDir
    Path dir;

    private String out() {
        return dir.resolve("out").toString();
    }

    @Test
    void fmnistV1RefusesBadSettings() {
        MainTestAccess.fails("epochs must be at least 1, got 0", "extractor", "train", "fmnist-v1", "--out", out(),
                "--epochs", "0");
        MainTestAccess.fails("max-steps must be at least 1, got 0", "extractor", "train", "fmnist-v1", "--out", out(),
                "--max-steps", "0");
        MainTestAccess.fails("lr-start must be a positive learning rate, got -0.001", "extractor", "train", "fmnist-v1",
                "--out", out(), "--lr-start", "-1e-3");
        MainTestAccess.fails("lr-end must be a positive learning rate, got NaN", "extractor", "train", "fmnist-v1",
                "--out", out(), "--lr-end", "NaN");
        MainTestAccess.fails("'ten'", "extractor", "train", "fmnist-v1", "--out", out(), "--epochs", "ten");
        MainTestAccess.fails("nope.weights: no such weights file", "extractor", "train", "fmnist-v1", "--out", out(),
                "--init", dir.resolve("nope.weights").toString());
        Path empty = dir.resolve("empty");
        MainTestAccess.fails(empty.resolve("train-images-idx3-ubyte.gz") + ": no such file", "extractor", "train",
                "fmnist-v1", "--out", out(), "--data", empty.toString());
        assertEquals(false, Files.exists(dir.resolve("out")), "nothing was written");
    }

    @Test
    void portraitsV1RefusesBadSettings() {
        MainTestAccess.fails("seed 7 is the seed of the held-out (20240612) or demo (7) portraits", "extractor", "train",
                "portraits-v1", "--out", out(), "--seed", "7");
        MainTestAccess.fails("seed 20240612 is the seed", "extractor", "train", "portraits-v1", "--out", out(),
                "--seed", "20240612");
        MainTestAccess.fails("train must be at least one batch (128 portraits), got 127", "extractor", "train",
                "portraits-v1", "--out", out(), "--train", "127");
        MainTestAccess.fails("holdout must be at least 1, got 0", "extractor", "train", "portraits-v1", "--out", out(),
                "--holdout", "0");
        MainTestAccess.fails("epochs must be at least 1, got -2", "extractor", "train", "portraits-v1", "--out", out(),
                "--epochs", "-2");
        MainTestAccess.fails("max-steps must be at least 1, got 0", "extractor", "train", "portraits-v1", "--out", out(),
                "--max-steps", "0");
        assertEquals(false, Files.exists(dir.resolve("out")), "nothing was written");
    }

    @Test
    void referenceStatsNamesAMissingImagesFile() {
        Path missing = dir.resolve("t10k.idx.gz");
        MainTestAccess.fails(missing + ": no such IDX file", "extractor", "reference-stats", "--out", out(),
                "--images", missing.toString());
        MainTestAccess.fails("'--epochs'", "extractor", "reference-stats", "--out", out(), "--epochs",
                "3");
    }

    @Test
    void theGroupCommandsAskForASubcommand() {
        MainTestAccess.fails("choose a subcommand: train or reference-stats", "extractor");
        MainTestAccess.fails("choose an extractor: fmnist-v1 or portraits-v1", "extractor", "train");
    }
}
