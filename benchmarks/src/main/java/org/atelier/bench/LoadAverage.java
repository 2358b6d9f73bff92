package org.atelier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How busy the machine is with other work: timings from a loaded machine must say so. */
final class LoadAverage {
    private LoadAverage() {
    }

    /** The 1-minute load average of /proc/loadavg, NaN where there is none. */
    static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
