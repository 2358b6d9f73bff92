package org.atelier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's nominal fp32 peak, from {@code /proc/cpuinfo}: cores × clock × FLOPs per cycle
 * per core. FLOPs per cycle follow from the widest vector FMA the flags name, assuming two FMA
 * units per core (true of the server cores these flags usually come from — Skylake-SP Gold and
 * Platinum and later, Zen — and false of some one-FMA parts, so the peak is an upper bound):
 * AVX-512: 2 units × 16 lanes × 2 (multiply and add) = 64; AVX2 + FMA: 32; AVX without FMA
 * (separate add and multiply ports): 16; else SSE: 8. The clock is the nominal one from the
 * model name ("@ 2.10GHz") when it has one, else {@code cpu MHz}; turbo is ignored. Cores are
 * the logical CPUs the OS lists (in a VM, what the hypervisor gives).
 *
 * @param cpu            model name
 * @param cores          logical CPUs
 * @param ghz            clock in GHz, NaN when unknown
 * @param flopsPerCycle  fp32 FLOPs per cycle per core under the assumption above
 * @param simd           the vector extension that set it, e.g. "AVX-512"
 */
public record MachinePeak(String cpu, int cores, double ghz, int flopsPerCycle, String simd) {
    private static final Pattern NOMINAL = Pattern.compile("@\\s*([0-9.]+)\\s*GHz");

    /** Reads {@code /proc/cpuinfo}; a machine without it gets NaN clock and the JVM's core count. */
    public static MachinePeak read() {
        try {
            return parse(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException e) {
            return new MachinePeak(System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                    Double.NaN, 8, "unknown");
        }
    }

    /** Parses the text of a {@code /proc/cpuinfo}. */
    static MachinePeak parse(String cpuinfo) {
        int processors = 0;
        String model = "";
        double mhz = Double.NaN;
        Set<String> flags = new HashSet<>();
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "processor" -> processors++;
                case "model name" -> model = model.isEmpty() ? value : model;
                case "cpu MHz" -> mhz = Double.isNaN(mhz) ? Double.parseDouble(value) : mhz;
                case "flags" -> {
                    if (flags.isEmpty()) {
                        flags.addAll(Arrays.asList(value.split("\\s+")));
                    }
                }
                default -> {
                }
            }
        }
        Matcher m = NOMINAL.matcher(model);
        double ghz = m.find() ? Double.parseDouble(m.group(1)) : mhz / 1000.0;
        int fpc;
        String simd;
        if (flags.contains("avx512f")) {
            fpc = 64;
            simd = "AVX-512";
        } else if (flags.contains("avx2") && flags.contains("fma")) {
            fpc = 32;
            simd = "AVX2+FMA";
        } else if (flags.contains("avx")) {
            fpc = 16;
            simd = "AVX";
        } else {
            fpc = 8;
            simd = "SSE";
        }
        return new MachinePeak(model, Math.max(1, processors), ghz, fpc, simd);
    }

    /** Nominal fp32 peak of {@code threads} cores (at most all of them), GFLOP/s. */
    public double peakGflops(int threads) {
        return Math.min(Math.max(1, threads), cores) * ghz * flopsPerCycle;
    }

    /** Nominal fp32 peak of the whole machine, GFLOP/s. */
    public double peakGflops() {
        return peakGflops(cores);
    }

    /** One line, e.g. "Intel(R) Xeon(R) Processor, 2 cores at 2.10 GHz, AVX-512 (64 fp32 FLOP/cycle/core)". */
    public String describe() {
        return String.format(Locale.ROOT, "%s, %d cores at %.2f GHz, %s (%d fp32 FLOP/cycle/core, 2 FMA units assumed)",
                cpu, cores, ghz, simd, flopsPerCycle);
    }
}
