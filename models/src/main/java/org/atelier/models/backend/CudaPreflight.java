package org.atelier.models.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.atelier.core.errors.UserException;

/**
 * Checks, before ND4J's CUDA backend is loaded, that every visible GPU can run its kernels.
 *
 * <p>The only CUDA build of ND4J 1.0.0-M2.1 (nd4j-cuda-11.6) carries SASS for compute
 * capability 3.7–8.6 and no PTX, so a newer GPU (Hopper, 9.0) has no kernel image to run:
 * depending on the op, ND4J then fails deep inside a call or stalls. The check asks the
 * driver (nvidia-smi) for the compute capability first and refuses with a message that says
 * how to run on the CPU instead.
 */
public final class CudaPreflight {
    /** Highest compute capability with kernels in the nd4j-cuda-11.6 binaries (sm_86). */
    public static final int MAX_SUPPORTED_CAPABILITY = 86;
    static final String CPU_HINT = "run on the CPU instead: unset ATELIER_BACKEND (or set ATELIER_BACKEND=cpu) "
            + "and ./atelier rebuilds with the default oneDNN backend; with Maven, build without -Dcuda";

    private CudaPreflight() {
    }

    /** True when the CUDA backend jar is on the class path (the build used -Dcuda). */
    public static boolean cudaBackendPresent() {
        try {
            Class.forName("org.nd4j.linalg.jcublas.JCublasBackend", false, CudaPreflight.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Queries the driver and refuses unsupported or absent GPUs; returns the GPUs found. */
    public static List<GpuInfo> check() {
        String out = nvidiaSmi();
        if (out == null) {
            throw new UserException("the CUDA backend is built in, but no NVIDIA driver answered (nvidia-smi "
                    + "missing or failing), so no GPU can be used; " + CPU_HINT);
        }
        List<GpuInfo> gpus = parse(out);
        refuseUnsupported(gpus);
        return gpus;
    }

    /** Throws when the list is empty or a GPU is newer than the binaries' kernels. */
    static void refuseUnsupported(List<GpuInfo> gpus) {
        if (gpus.isEmpty()) {
            throw new UserException("the CUDA backend is built in, but the NVIDIA driver lists no GPU; " + CPU_HINT);
        }
        for (GpuInfo gpu : gpus) {
            int cc = gpu.capabilityCode();
            if (cc < 0 || cc > MAX_SUPPORTED_CAPABILITY) {
                throw new UserException("GPU '" + gpu.name() + "' has compute capability " + gpu.computeCapability()
                        + ", but ND4J 1.0.0-M2.1's CUDA 11.6 binaries carry kernels for compute capability 3.7-8.6 only "
                        + "(no PTX to compile for newer GPUs), so it cannot run them; " + CPU_HINT);
            }
        }
    }

    /** Parses {@code nvidia-smi --query-gpu=name,compute_cap --format=csv,noheader} output. */
    static List<GpuInfo> parse(String csv) {
        List<GpuInfo> gpus = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            int comma = line.lastIndexOf(',');
            if (comma > 0) {
                gpus.add(new GpuInfo(line.substring(0, comma).trim(), line.substring(comma + 1).trim()));
            }
        }
        return gpus;
    }

    private static String nvidiaSmi() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
