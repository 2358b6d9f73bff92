package org.atelier.cli;

import java.util.concurrent.Callable;
import org.atelier.core.io.Json;
import org.atelier.models.backend.BackendInfo;
import org.atelier.models.backend.Backends;
import org.atelier.models.backend.GpuInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier info}: which backend computes, and with what. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Print the compute backend in use: ND4J backend and version, BLAS and oneDNN, cores and "
                + "threads, and the GPU name and compute capability when the CUDA build is in use."})
final class InfoCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        BackendInfo info = Backends.start();
        if (json) {
            System.out.println(Json.pretty(info));
            return 0;
        }
        Runtime rt = Runtime.getRuntime();
        row("backend", info.backend());
        row("ND4J", info.nd4jVersion());
        row("BLAS", info.blasVendor());
        row("oneDNN", info.oneDnn() ? "yes" : "no");
        if (!info.cpuFeatures().isEmpty()) {
            row("CPU code", info.cpuFeatures());
        }
        row("cores", String.valueOf(info.cores()));
        row("threads", "OpenMP " + info.ompThreads() + ", BLAS " + info.blasThreads());
        row("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", max heap " + rt.maxMemory() / (1 << 20) + " MiB");
        for (GpuInfo g : info.gpus()) {
            row("GPU", g.name() + " (compute capability " + g.computeCapability() + ")");
        }
        if (info.gpus().isEmpty()) {
            row("GPU", "none in use (CPU build; ATELIER_BACKEND=cuda ./atelier … builds the CUDA 11.6 backend)");
        }
        return 0;
    }

    private static void row(String key, String value) {
        System.out.printf("%-10s %s%n", key, value);
    }
}
