package org.atelier.training.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.AtomicFiles;
import org.atelier.core.io.Hashing;
import org.atelier.core.io.Json;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One checkpoint = one zip file: {@code checkpoint.json} plus one entry per array
 * ({@code params/NAME}, {@code buffers/NAME}, {@code ema/NAME}, {@code optim/GROUP}) in ND4J's
 * binary array format, which keeps every float bit. It is written atomically
 * ({@link AtomicFiles}: temp file, fsync, rename), so a crash leaves the previous file intact;
 * on load, the zip's central directory, every entry's SHA-256 recorded in the JSON (hashed while
 * streaming), and the format version are checked, and any failure is a {@link CorruptFileException}.
 * Memory stays bounded on a crafted file: each array's declared shape and size are checked before
 * its data is read ({@link ArrayEntry}).
 */
public final class CheckpointFiles {
    public static final int FORMAT = 1;
    static final String META = "checkpoint.json";
    /**
     * Every entry carries this fixed local time (not the clock's), so the same state always gives the
     * same bytes: a published weights file can then be reproduced down to its SHA-256.
     */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final ObjectMapper MAPPER = Json.mapper();
    /**
     * Most array data one checkpoint may hold (1 GiB, in all): far above any model here (the
     * UNet-32 checkpoint holds 32 MB) and low enough that reading it fits a 2 GB heap.
     */
    public static final long MAX_ARRAY_BYTES = 1L << 30;
    /** Most bytes of checkpoint.json (a few kB in practice). */
    static final int MAX_META_BYTES = 1 << 20;

    private CheckpointFiles() {
    }

    public static void write(Path file, Checkpoint ckpt) {
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        put(blobs, "params/", ckpt.parameters());
        put(blobs, "buffers/", ckpt.buffers());
        put(blobs, "ema/", ckpt.ema());
        put(blobs, "optim/", ckpt.optimizer());
        Map<String, String> sums = new LinkedHashMap<>();
        blobs.forEach((n, b) -> sums.put(n, Hashing.sha256(b)));
        byte[] meta;
        try {
            meta = MAPPER.writeValueAsBytes(ckpt.meta().withEntries(sums));
        } catch (IOException e) {
            throw new IllegalStateException("checkpoint metadata not serialisable", e);
        }
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(1);
            entry(zip, META, meta);
            for (Map.Entry<String, byte[]> e : blobs.entrySet()) {
                entry(zip, e.getKey(), e.getValue());
            }
            zip.finish();
        });
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void put(Map<String, byte[]> blobs, String prefix, Map<String, INDArray> arrays) {
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                Nd4j.write(e.getValue(), out);
            } catch (IOException ex) {
                throw new IllegalStateException("cannot serialise " + e.getKey(), ex);
            }
            blobs.put(prefix + e.getKey(), bytes.toByteArray());
        }
    }

    /**
     * Reads and verifies a checkpoint without knowing the model it is for: every array's declared
     * size is checked against {@link #MAX_ARRAY_BYTES} in all before it is read.
     * A missing file is an InvalidInputException, a damaged one a CorruptFileException.
     */
    public static Checkpoint read(Path file) {
        return read(file, Map.of());
    }

    /**
     * Like {@link #read(Path)}, and every entry named in {@code expected} ({@code params/NAME},
     * {@code buffers/NAME}, {@code ema/NAME}, {@code optim/GROUP}) must declare exactly that shape,
     * checked before its data is read; a different shape is an {@link InvalidInputException} (the
     * checkpoint of another config), not a read of whatever size the file claims.
     */
    public static Checkpoint read(Path file, Map<String, long[]> expected) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such checkpoint file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry metaEntry = zip.getEntry(META);
            if (metaEntry == null) {
                throw new CorruptFileException(file, "not an Atelier checkpoint (no " + META + " inside)");
            }
            CheckpointMeta meta;
            try (InputStream in = zip.getInputStream(metaEntry)) {
                byte[] json = in.readNBytes(MAX_META_BYTES + 1);
                if (json.length > MAX_META_BYTES) {
                    throw new CorruptFileException(file, META + " is larger than " + MAX_META_BYTES + " bytes");
                }
                meta = MAPPER.readValue(json, CheckpointMeta.class);
            }
            if (meta == null) {
                throw new CorruptFileException(file, META + " is empty");
            }
            if (meta.format() != FORMAT) {
                throw new CorruptFileException(file, "checkpoint format " + meta.format() + ", this build reads " + FORMAT);
            }
            if (meta.entries() == null) {
                throw new CorruptFileException(file, "checkpoint lists no array entries");
            }
            Map<String, INDArray> params = new LinkedHashMap<>();
            Map<String, INDArray> buffers = new LinkedHashMap<>();
            Map<String, INDArray> ema = new LinkedHashMap<>();
            Map<String, INDArray> optim = new LinkedHashMap<>();
            long budget = MAX_ARRAY_BYTES;
            for (Map.Entry<String, String> e : meta.entries().entrySet()) {
                String key = e.getKey();
                int slash = key == null ? -1 : key.indexOf('/');
                Map<String, INDArray> target = slash < 0 ? null : switch (key.substring(0, slash + 1)) {
                    case "params/" -> params;
                    case "buffers/" -> buffers;
                    case "ema/" -> ema;
                    case "optim/" -> optim;
                    default -> null;
                };
                if (target == null || e.getValue() == null) {
                    throw new CorruptFileException(file, "unexpected entry " + key);
                }
                ZipEntry ze = zip.getEntry(key);
                if (ze == null) {
                    throw new CorruptFileException(file, "entry " + key + " is missing");
                }
                INDArray arr;
                try (InputStream in = zip.getInputStream(ze)) {
                    arr = ArrayEntry.read(in, file, key, e.getValue(), expected.get(key), budget);
                }
                budget -= arr.length() * arr.dataType().width();
                target.put(key.substring(slash + 1), arr);
            }
            return new Checkpoint(meta, params, buffers, ema, optim);
        } catch (ZipException e) {
            throw new CorruptFileException(file, "not a complete checkpoint (" + e.getMessage()
                    + "); it may have been cut short — resume from an older one in the same folder", e);
        } catch (IOException e) {
            throw new CorruptFileException(file, "cannot read checkpoint (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            if (e instanceof CorruptFileException || e instanceof InvalidInputException) {
                throw e;
            }
            throw new CorruptFileException(file, "checkpoint could not be decoded (" + e + ")", e);
        }
    }
}
