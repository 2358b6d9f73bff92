package org.atelier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The values pinned here were printed by benchmarks/pytorch/bench.py's uniform(): both sides must agree. */
class DeterministicDataTest {
    @Test
    void streamsMatchThePythonScript() {
        long[] stream1 = {12856410, 2114449, 11759674};
        for (int i = 0; i < stream1.length; i++) {
            assertEquals(stream1[i] * 0x1.0p-24, DeterministicData.uniform(1, i), 0);
        }
        assertEquals(3972147 * 0x1.0p-24, DeterministicData.uniform(11, 123456789), 0);
        assertEquals(6210592 * 0x1.0p-24, DeterministicData.uniform(11, 123456790), 0);
    }

    @Test
    void derivedInputsMatchThePythonScript() {
        assertEquals(-0.29906153678894043, DeterministicData.ssimPixels(false, 1, 28)[3 * 28 + 4], 0);
        assertEquals(-0.4425211250782013, DeterministicData.ssimPixels(true, 1, 28)[3 * 28 + 4], 0);
        assertEquals(0.44687050580978394, DeterministicData.fidFeatures(false, 3, 5)[2][4], 0);
        assertEquals(0.25951069593429565, DeterministicData.fidFeatures(true, 3, 5)[2][4], 0);
    }
}
