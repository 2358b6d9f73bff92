package org.atelier.datasets.idx;

import java.util.Arrays;

/**
 * An unsigned-byte array read from an IDX file (the MNIST format): its dimensions, outermost
 * first, and its values in row-major order. For an image file the dimensions are
 * {@code (count, rows, columns)}; for a label file {@code (count)}.
 *
 * @param dims extent of each axis, each {@code > 0}; 1 to 4 axes
 * @param data {@code product(dims)} bytes, to be read as unsigned ({@code b & 0xff}), row-major
 */
public record IdxArray(int[] dims, byte[] data) {
    public IdxArray {
        dims = dims.clone();
        if (dims.length < 1 || dims.length > 4) {
            throw new IllegalArgumentException("IDX arrays have 1 to 4 dimensions, got " + dims.length);
        }
        long n = 1;
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("IDX dimensions must be positive, got " + Arrays.toString(dims));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("dimensions " + Arrays.toString(dims) + " need " + n
                    + " bytes, got " + data.length);
        }
    }

    /** A copy of the dimensions. */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    public int rank() {
        return dims.length;
    }

    /** Extent of axis {@code axis}, 0 = outermost. */
    public int dim(int axis) {
        return dims[axis];
    }

    /** Element {@code i} of the flat row-major data as an unsigned value in 0..255. */
    public int unsigned(int i) {
        return data[i] & 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxArray a && Arrays.equals(dims, a.dims) && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IdxArray" + Arrays.toString(dims);
    }
}
