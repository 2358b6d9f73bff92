package org.atelier.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the time of one run went, from {@link OpProfiler}, averaged over the timed runs.
 *
 * @param opsPerRun    op executions per run (forward and gradient graphs together)
 * @param wallSeconds  median wall time of a profiled run (the listener's overhead included)
 * @param opSeconds    time inside ops per run
 * @param byKind       seconds per run by layer kind, largest first
 * @param byType       per op type: [executions per run, seconds per run], largest first
 */
public record ProfileSummary(double opsPerRun, double wallSeconds, double opSeconds, Map<String, Double> byKind,
                             Map<String, double[]> byType) {
    /** Time per run outside ops: the graph executor, the optimiser's own arrays, host-side code. */
    public double outsideOpsSeconds() {
        return Math.max(0, wallSeconds - opSeconds);
    }

    static ProfileSummary of(OpProfiler p, int runs, double wallMedian) {
        double n = Math.max(1, runs);
        Map<String, Double> kinds = new LinkedHashMap<>();
        p.byKind().forEach((k, t) -> kinds.put(k, t.nanos / 1e9 / n));
        Map<String, double[]> types = new LinkedHashMap<>();
        long ops = 0;
        long nanos = 0;
        for (Map.Entry<String, OpProfiler.Tally> e : p.byType().entrySet()) {
            types.put(e.getKey(), new double[] {e.getValue().count / n, e.getValue().nanos / 1e9 / n});
            ops += e.getValue().count;
            nanos += e.getValue().nanos;
        }
        return new ProfileSummary(ops / n, wallMedian, nanos / 1e9 / n, kinds, types);
    }
}
