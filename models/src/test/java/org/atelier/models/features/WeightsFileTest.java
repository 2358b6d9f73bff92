package org.atelier.models.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.atelier.core.errors.CorruptFileException;
import org.junit.jupiter.api.Test;

class WeightsFileTest {
    @Test
    void roundTripsNamesShapesAndValuesDeterministically() {
        Map<String, WeightsFile.Tensor> t = new LinkedHashMap<>();
        t.put("w", new WeightsFile.Tensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f}));
        t.put("b", new WeightsFile.Tensor(new long[] {3}, new float[] {0, Float.MIN_VALUE, 7}));
        byte[] bytes = WeightsFile.encode(t);
        assertArrayEquals(bytes, WeightsFile.encode(t));
        Map<String, WeightsFile.Tensor> back = WeightsFile.decode(bytes, Path.of("mem"));
        assertEquals(t.keySet(), back.keySet());
        for (String k : t.keySet()) {
            assertArrayEquals(t.get(k).shape(), back.get(k).shape());
            assertArrayEquals(t.get(k).values(), back.get(k).values());
        }
        assertThrows(CorruptFileException.class, () -> WeightsFile.decode(Arrays.copyOf(bytes, bytes.length - 1), Path.of("m")));
        byte[] bad = bytes.clone();
        bad[0] = 'X';
        assertThrows(CorruptFileException.class, () -> WeightsFile.decode(bad, Path.of("m")));
    }
}
