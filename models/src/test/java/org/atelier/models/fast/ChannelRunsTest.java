package org.atelier.models.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ChannelRunsTest {
    @Test
    void concatenatesAndSplitsAlongChannels() {
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray a = Nd4j.rand(dt, 3, 4, 5, 2);
            INDArray b = Nd4j.rand(dt, 3, 4, 5, 6);
            INDArray both = Nd4j.create(dt, 3, 4, 5, 8);
            ChannelRuns.copy(both, 0, a, 0, 2);
            ChannelRuns.copy(both, 2, b, 0, 6);
            assertEquals(Nd4j.concat(3, a, b), both, dt + " concatenation");

            INDArray back = Nd4j.create(dt, 3, 4, 5, 3);
            ChannelRuns.copy(back, 0, both, 3, 3);
            assertEquals(b.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, 4)), back,
                    dt + " split");
        }
    }

    @Test
    void refusesRunsOutsideEitherArray() {
        INDArray a = Nd4j.create(DataType.FLOAT, 2, 3, 3, 4);
        INDArray b = Nd4j.create(DataType.FLOAT, 2, 3, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChannelRuns.copy(a, 2, b, 0, 3));
        assertTrue(e.getMessage().contains("[2, 5)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChannelRuns.copy(a, 0, Nd4j.create(DataType.FLOAT, 2, 3, 2, 4), 0, 4));
        assertThrows(IllegalArgumentException.class, () -> ChannelRuns.copy(a, 0, Nd4j.create(DataType.DOUBLE, 2, 3, 3, 4), 0, 4));
    }
}
