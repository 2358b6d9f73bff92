package org.atelier.models.fast;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to a dense, c-ordered float32 or float64 ND4J array through its native memory
 * (no copy), for the loops this package writes by hand: ND4J has no fused op for them, and each
 * of its element-wise ops is one more full pass over memory plus a fresh output array. Reads and
 * writes go through {@code double}; float32 arrays round on write, as ND4J's own ops do.
 */
final class Flat {
    private final FloatBuffer f;
    private final DoubleBuffer d;
    private final int length;

    private Flat(INDArray a) {
        if (a.isView() || a.ordering() != 'c' || a.offset() != 0) {
            throw new IllegalArgumentException("need a dense c-ordered array, got " + (a.isView() ? "a view" : "an array")
                    + " in " + a.ordering() + "-order at offset " + a.offset());
        }
        if (a.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("array of " + a.length() + " values is too long");
        }
        this.length = (int) a.length();
        if (a.dataType() == DataType.FLOAT) {
            this.f = a.data().asNioFloat();
            this.d = null;
        } else if (a.dataType() == DataType.DOUBLE) {
            this.f = null;
            this.d = a.data().asNioDouble();
        } else {
            throw new IllegalArgumentException("need float32 or float64, got " + a.dataType());
        }
    }

    static Flat of(INDArray a) {
        return new Flat(a);
    }

    int length() {
        return length;
    }

    double get(int i) {
        return f != null ? f.get(i) : d.get(i);
    }

    void set(int i, double v) {
        if (f != null) {
            f.put(i, (float) v);
        } else {
            d.put(i, v);
        }
    }

    void add(int i, double v) {
        set(i, get(i) + v);
    }

    /** Copies values [from, from + len) into dst (bulk: one native copy, then a widening loop for float32). */
    void get(int from, double[] dst, int len) {
        if (d != null) {
            d.get(from, dst, 0, len);
            return;
        }
        float[] tmp = Blocks.floats(Blocks.FLAT_SLOT, len);
        f.get(from, tmp, 0, len);
        for (int i = 0; i < len; i++) {
            dst[i] = tmp[i];
        }
    }

    /** Writes src[0, len) to [from, from + len), rounding to float32 where the array is float32. */
    void put(int from, double[] src, int len) {
        if (d != null) {
            d.put(from, src, 0, len);
            return;
        }
        float[] tmp = Blocks.floats(Blocks.FLAT_SLOT, len);
        for (int i = 0; i < len; i++) {
            tmp[i] = (float) src[i];
        }
        f.put(from, tmp, 0, len);
    }
}
