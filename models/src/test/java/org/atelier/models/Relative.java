package org.atelier.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The oracle tests' measure of agreement between a fast-engine array and SameDiff's. */
public final class Relative {
    private Relative() {
    }

    /** ‖a − b‖ / ‖b‖ in float64; b must not be zero (the comparison would prove nothing). */
    public static double difference(INDArray a, INDArray b) {
        double norm = b.castTo(DataType.DOUBLE).norm2Number().doubleValue();
        assertTrue(norm > 0, "a reference value is zero: the comparison would prove nothing");
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).norm2Number().doubleValue() / norm;
    }
}
