package org.atelier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachinePeakTest {
    private static String cpu(int n, String model, String mhz, String flags) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("processor\t: ").append(i).append('\n')
                    .append("model name\t: ").append(model).append('\n')
                    .append("cpu MHz\t\t: ").append(mhz).append('\n')
                    .append("flags\t\t: ").append(flags).append("\n\n");
        }
        return sb.toString();
    }

    @Test
    void avx512ServerCore() {
        MachinePeak m = MachinePeak.parse(cpu(4, "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", "3100.000",
                "fpu sse sse2 avx fma avx2 avx512f avx512dq"));
        assertEquals(4, m.cores());
        assertEquals(2.5, m.ghz(), 1e-12, "the nominal clock in the model name wins over the current MHz");
        assertEquals(64, m.flopsPerCycle());
        assertEquals("AVX-512", m.simd());
        assertEquals(4 * 2.5 * 64, m.peakGflops(), 1e-9);
        assertEquals(2.5 * 64, m.peakGflops(1), 1e-9);
        assertEquals(4 * 2.5 * 64, m.peakGflops(16), 1e-9, "no more threads than cores count");
        assertTrue(m.describe().contains("2 FMA units assumed"), m.describe());
    }

    @Test
    void avx2WithoutNominalClockUsesMhz() {
        MachinePeak m = MachinePeak.parse(cpu(2, "Intel(R) Xeon(R) Processor", "2100.000", "sse avx fma avx2"));
        assertEquals(2.1, m.ghz(), 1e-12);
        assertEquals(32, m.flopsPerCycle());
        assertEquals(2 * 2.1 * 32, m.peakGflops(), 1e-9);
        assertEquals(16, MachinePeak.parse(cpu(1, "old", "1000", "sse avx")).flopsPerCycle());
        assertEquals(8, MachinePeak.parse(cpu(1, "older", "1000", "sse sse2")).flopsPerCycle());
    }
}
