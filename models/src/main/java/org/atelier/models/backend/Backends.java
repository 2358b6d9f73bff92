package org.atelier.models.backend;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Starts ND4J safely (CUDA preflight first) and describes the backend in use. */
public final class Backends {
    private static volatile BackendInfo started;

    private Backends() {
    }

    /**
     * Loads the backend once and returns its description. With the CUDA build, unsupported or
     * missing GPUs are refused before ND4J touches the device (see {@link CudaPreflight}).
     */
    public static synchronized BackendInfo start() {
        if (started != null) {
            return started;
        }
        List<GpuInfo> gpus = CudaPreflight.cudaBackendPresent() ? CudaPreflight.check() : List.of();
        Map<Object, Object> env = Nd4j.getExecutioner().getEnvironmentInformation();
        String build = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
        started = new BackendInfo(
                String.valueOf(env.getOrDefault(Nd4jEnvironment.BACKEND_KEY, "unknown")),
                nd4jVersion(),
                String.valueOf(env.getOrDefault(Nd4jEnvironment.BLAS_VENDOR_KEY, "unknown")),
                build != null && build.contains("HAVE_ONEDNN"),
                cpuLevel(),
                intOf(env.get(Nd4jEnvironment.CPU_CORES_KEY)),
                intOf(env.get(Nd4jEnvironment.OMP_THREADS_KEY)),
                intOf(env.get(Nd4jEnvironment.BLAS_THREADS_KEY)),
                gpus);
        return started;
    }

    /**
     * The backend as run records name it: "CPU (nd4j-native)", or the backend class's simple name
     * (e.g. "JCublasBackend") for any other. Every provenance and model card uses this one spelling.
     */
    public static String name() {
        String simple = Nd4j.getBackend().getClass().getSimpleName();
        return "CpuBackend".equals(simple) ? "CPU (nd4j-native)" : simple;
    }

    /** The ND4J version from its jar's Maven metadata ("unknown" if absent). */
    public static String nd4jVersion() {
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The native build's instruction level and the best level this CPU offers, e.g. "generic
     * x86-64 build, CPU has AVX512": oneDNN dispatches to the CPU's level at run time even in a
     * generic build. Empty where the backend does not report it (CUDA).
     */
    private static String cpuLevel() {
        try {
            Object ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
            int binary = ((Number) ops.getClass().getMethod("binaryLevel").invoke(ops)).intValue();
            int optimal = ((Number) ops.getClass().getMethod("optimalLevel").invoke(ops)).intValue();
            return levelName(binary) + " build, CPU has " + levelName(optimal);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }

    private static String levelName(int code) {
        return switch (code) {
            case 1 -> "generic x86-64";
            case 2 -> "AVX2";
            case 3 -> "AVX512";
            default -> "level " + code;
        };
    }

    private static int intOf(Object o) {
        return o instanceof Number n ? n.intValue() : o == null ? -1 : Integer.parseInt(o.toString());
    }
}
