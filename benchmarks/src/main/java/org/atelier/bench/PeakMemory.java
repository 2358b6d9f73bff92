package org.atelier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's peak resident memory (heap, JIT, ND4J's off-heap arrays and native libraries
 * together): {@code VmHWM} of {@code /proc/self/status}. Linux only; NaN elsewhere.
 */
final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakMemory() {
    }

    /** VmHWM in MiB, NaN when it cannot be read. */
    static double peakRssMb() {
        try {
            return parseVmHwmMb(Files.readString(STATUS));
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** VmHWM of a {@code /proc/PID/status} text in MiB, NaN when absent. */
    static double parseVmHwmMb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /**
     * Resets the peak mark to the current resident size (writing 5 to {@code clear_refs}, Linux
     * 4.0 and later), so that the next reading is the peak of what runs from now on.
     *
     * @return false where the kernel refuses; the peak then counts from process start
     */
    static boolean reset() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
