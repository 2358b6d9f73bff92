package org.atelier.evaluation.distribution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.io.AtomicFiles;

/**
 * Mean and covariance of a feature set, what FID compares: the "statistics" pytorch-fid and
 * clean-fid store as {@code mu}/{@code sigma} .npz files.
 *
 * @param extractor  id of the feature extractor that produced the features, e.g. {@code fmnist-v1}
 * @param n          number of feature vectors the statistics summarise (≥ 2)
 * @param mean       d values
 * @param covariance d×d row-major, symmetric, unbiased (divided by n − 1)
 */
public record GaussianStatistics(String extractor, long n, double[] mean, double[] covariance) {
    private static final int MAGIC = 0x41544C53; // "ATLS"
    private static final int VERSION = 1;

    public GaussianStatistics {
        if (n < 2) {
            throw new IllegalArgumentException("statistics need n >= 2, got " + n);
        }
        if ((long) mean.length * mean.length != covariance.length) {
            throw new IllegalArgumentException("a " + mean.length + "-d mean needs a " + mean.length + "x"
                    + mean.length + " covariance, got " + covariance.length + " values");
        }
    }

    public int dimension() {
        return mean.length;
    }

    /** Covariance entry (i, j). */
    public double cov(int i, int j) {
        return covariance[i * mean.length + j];
    }

    /**
     * Binary form, big-endian: magic {@code ATLS}, version, extractor id, extractor weights
     * SHA-256 (may be empty), n, d, the d means, then the upper triangle of the covariance
     * row by row (float64 throughout).
     */
    public byte[] encode(String extractorSha256) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            int d = dimension();
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(extractor);
            out.writeUTF(extractorSha256);
            out.writeLong(n);
            out.writeInt(d);
            for (double m : mean) {
                out.writeDouble(m);
            }
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    out.writeDouble(covariance[i * d + j]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public void write(Path file, String extractorSha256) {
        AtomicFiles.writeBytes(file, encode(extractorSha256));
    }

    /** Statistics read back, with the extractor weights hash they were computed with. */
    public record Stored(GaussianStatistics statistics, String extractorSha256) {
    }

    public static Stored decode(byte[] data, Path source) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new CorruptFileException(source, "not an Atelier feature-statistics file (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new CorruptFileException(source, "statistics file version " + version + ", expected " + VERSION);
            }
            String extractor = in.readUTF();
            String sha = in.readUTF();
            long n = in.readLong();
            int d = in.readInt();
            if (n < 2 || d <= 0 || d > 65536) {
                throw new CorruptFileException(source, "impossible header: n=" + n + ", d=" + d);
            }
            double[] mean = new double[d];
            for (int i = 0; i < d; i++) {
                mean[i] = in.readDouble();
            }
            double[] cov = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    double v = in.readDouble();
                    cov[i * d + j] = v;
                    cov[j * d + i] = v;
                }
            }
            if (in.read() != -1) {
                throw new CorruptFileException(source, "trailing bytes after the covariance");
            }
            return new Stored(new GaussianStatistics(extractor, n, mean, cov), sha);
        } catch (EOFException e) {
            throw new CorruptFileException(source, "truncated statistics file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
