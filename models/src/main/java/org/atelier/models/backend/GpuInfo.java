package org.atelier.models.backend;

/**
 * One NVIDIA GPU as the driver reports it.
 *
 * @param name              marketing name, e.g. "NVIDIA H100 80GB HBM3"
 * @param computeCapability "major.minor", e.g. "9.0"
 */
public record GpuInfo(String name, String computeCapability) {
    /** Major × 10 + minor, e.g. 86 for "8.6"; -1 when unparseable. */
    public int capabilityCode() {
        String[] parts = computeCapability.trim().split("\\.");
        try {
            return Integer.parseInt(parts[0]) * 10 + (parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
