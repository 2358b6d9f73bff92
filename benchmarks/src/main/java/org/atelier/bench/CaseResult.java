package org.atelier.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The measurements of one case.
 *
 * @param id              the case's key
 * @param title           what one run does
 * @param flops           FLOPs of one run ({@link FlopCount}), 0 where not counted
 * @param atelier         our run times (wall clock)
 * @param atelierCpu      our process CPU time per run: the work done, whatever else the machine runs
 * @param atelierPeakMb   our peak RSS while the case was prepared and run, MiB
 * @param atelierFacts    our parameter count, forward MACs or metric value
 * @param pytorch         PyTorch's run times, null when it was not run
 * @param pytorchCpu      its process CPU time per run, null when not run
 * @param pytorchPeakMb   its peak RSS, NaN when not run
 * @param pytorchFacts    its facts (empty when not run)
 * @param profile         the op profile, null unless asked for
 */
public record CaseResult(String id, String title, double flops, Timing atelier, Timing atelierCpu,
                         double atelierPeakMb, Map<String, Object> atelierFacts, Timing pytorch, Timing pytorchCpu,
                         double pytorchPeakMb, Map<String, Object> pytorchFacts, ProfileSummary profile) {
    public CaseResult {
        atelierFacts = Map.copyOf(atelierFacts);
        pytorchFacts = pytorchFacts == null ? Map.of() : Map.copyOf(pytorchFacts);
    }

    /** Our median over PyTorch's (below 1: we are faster), NaN without a PyTorch run. */
    public double ratio() {
        return pytorch == null ? Double.NaN : atelier.median() / pytorch.median();
    }

    /**
     * The same ratio of median CPU times: on a machine shared with other jobs, the steadier of the
     * two (time the process waited for a core does not count). With several threads it also
     * counts the cores used, so compare it only at equal thread counts.
     */
    public double cpuRatio() {
        return pytorchCpu == null ? Double.NaN : atelierCpu.median() / pytorchCpu.median();
    }

    /** Achieved GFLOP/s at the median time, NaN where FLOPs are not counted. */
    public static double gflops(double flops, Timing t) {
        return flops <= 0 || t == null || t.median() <= 0 ? Double.NaN : flops / t.median() / 1e9;
    }

    /**
     * Where the two sides disagree on what they computed: parameter counts or forward MACs
     * (exactly), or a metric's value (relative 1e-4, float32 against float64 arithmetic). Empty
     * when they agree or PyTorch was not run.
     */
    public List<String> mismatches() {
        List<String> out = new ArrayList<>();
        if (pytorch == null) {
            return out;
        }
        for (String key : List.of("params", "forward_macs")) {
            if (atelierFacts.containsKey(key) && !sameNumbers(atelierFacts.get(key), pytorchFacts.get(key))) {
                out.add(key + ": Atelier " + atelierFacts.get(key) + ", PyTorch " + pytorchFacts.get(key));
            }
        }
        if (atelierFacts.get("value") instanceof Number a) {
            Object p = pytorchFacts.get("value");
            double b = p instanceof Number n ? n.doubleValue() : Double.NaN;
            double rel = Math.abs(a.doubleValue() - b) / Math.max(1e-12, Math.abs(b));
            if (!(rel <= 1e-4)) {
                out.add("value: Atelier " + a + ", PyTorch " + p);
            }
        }
        return out;
    }

    /** Numbers compare by value (JSON gives Integer or Long), maps key by key. */
    private static boolean sameNumbers(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.longValue() == y.longValue() && x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Object k : x.keySet()) {
                if (!sameNumbers(x.get(k), y.get(k))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
