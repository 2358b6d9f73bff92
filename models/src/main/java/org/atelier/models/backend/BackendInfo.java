package org.atelier.models.backend;

import java.util.List;

/**
 * What computes: the ND4J backend in use and the facts that decide its speed.
 *
 * @param backend      "CPU" or "CUDA"
 * @param nd4jVersion  e.g. "1.0.0-M2.1"
 * @param blasVendor   e.g. "OPENBLAS"
 * @param oneDnn       true when the native library was built with oneDNN (HAVE_ONEDNN)
 * @param cpuFeatures  the native build's optimisation level line, e.g. "AVX512", or "" if unknown
 * @param cores        logical cores seen by ND4J
 * @param ompThreads   OpenMP threads for ops
 * @param blasThreads  BLAS threads
 * @param gpus         GPUs in use (CUDA only; empty on CPU)
 */
public record BackendInfo(String backend, String nd4jVersion, String blasVendor, boolean oneDnn,
                          String cpuFeatures, int cores, int ompThreads, int blasThreads, List<GpuInfo> gpus) {
    public BackendInfo {
        gpus = List.copyOf(gpus);
    }

    /** One line for provenance, e.g. "CPU (OPENBLAS, oneDNN)". */
    public String summary() {
        StringBuilder sb = new StringBuilder(backend).append(" (").append(blasVendor);
        if (oneDnn) {
            sb.append(", oneDNN");
        }
        for (GpuInfo g : gpus) {
            sb.append(", ").append(g.name()).append(" cc ").append(g.computeCapability());
        }
        return sb.append(')').toString();
    }
}
