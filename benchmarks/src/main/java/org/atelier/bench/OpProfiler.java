package org.atelier.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.models.common.Net;
import org.atelier.models.fast.LayerClock;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Op-level profile of SameDiff execution: a {@link BaseListener} on every model graph built
 * while it observes ({@link Net#observeGraphs}), timing each op (between SameDiff's
 * {@code preOpExecution} and {@code opExecution} callbacks, so the executor's own bookkeeping
 * between ops is not inside any op) and sorting it by op type and by the layer kind it belongs to.
 *
 * <p>Kinds, decided from the graph (op names are generated, so layers must be inferred):
 * <ol>
 *   <li>by op type: activations (swish, ReLU, leaky ReLU, tanh and their derivatives),
 *       attention (dot-product attention, softmax), resampling (upsampling, concat);</li>
 *   <li>by the parameter an op reads: {@code *_norm*_gamma/beta} GroupNorm, {@code *_bn*_gamma/beta}
 *       BatchNorm, {@code *_attn_*} attention, other weights of convolutions (conv2d, deconv2d)
 *       convolution, of matmuls dense;</li>
 *   <li>a gradient op takes the kind of the forward op whose output gradient ({@code v-grad}) it reads;</li>
 *   <li>a forward op without parameters takes the kind of the first parameter-reading op downstream
 *       of it — so the reshape/mean/rsqrt chain of a composed GroupNorm is GroupNorm — and the ops
 *       after the last layer are the loss. Caveat: the time-embedding addition just before a
 *       ResBlock's second GroupNorm is counted with that GroupNorm.</li>
 * </ol>
 * Anything else is "other". The listener's own cost is two {@code nanoTime} calls and a map
 * update per op.
 */
final class OpProfiler extends BaseListener implements AutoCloseable {
    /** Time and count of one op type or kind. */
    static final class Tally {
        long count;
        long nanos;

        void add(long dt) {
            count++;
            nanos += dt;
        }

        void add(long calls, long dt) {
            count += calls;
            nanos += dt;
        }
    }

    private final Net.Observation observation;
    private final Map<SameDiff, Boolean> graphs = new IdentityHashMap<>();
    private final Map<SameDiff, Map<String, String>> kinds = new IdentityHashMap<>();
    private final Map<String, Tally> byType = new HashMap<>();
    private final Map<String, Tally> byKind = new HashMap<>();
    private long start;

    /** Starts observing: graphs of models built from now on are profiled, and the fast engine's layers. */
    OpProfiler() {
        LayerClock.enable();
        this.observation = Net.observeGraphs(sd -> {
            graphs.put(sd, Boolean.TRUE);
            sd.addListeners(this);
        });
    }

    @Override
    public boolean isActive(Operation operation) {
        return true;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
        start = System.nanoTime();
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                            INDArray[] outputs) {
        long dt = System.nanoTime() - start;
        byType.computeIfAbsent(op.getOp().opName(), k -> new Tally()).add(dt);
        byKind.computeIfAbsent(kindOf(sd, op.getName()), k -> new Tally()).add(dt);
    }

    /** Forgets the tallies (e.g. after warm-up). */
    void reset() {
        byType.clear();
        byKind.clear();
        LayerClock.reset();
    }

    /** Op types, and the fast engine's layer calls as "fast &lt;layer&gt; forward|backward". */
    Map<String, Tally> byType() {
        Map<String, Tally> all = new HashMap<>(byType);
        LayerClock.snapshot().forEach((k, v) -> all.computeIfAbsent("fast " + k, x -> new Tally()).add(v[0], v[1]));
        return sorted(all);
    }

    Map<String, Tally> byKind() {
        Map<String, Tally> all = new HashMap<>(byKind);
        LayerClock.snapshot().forEach((k, v) -> all.computeIfAbsent(fastKind(k), x -> new Tally()).add(v[0], v[1]));
        return sorted(all);
    }

    /** The profile's kind of a fast-engine tally ("GroupNorm(+SiLU) backward" → GroupNorm). */
    private static String fastKind(String tally) {
        String layer = tally.replace(" forward", "").replace(" backward", "");
        return switch (layer) {
            case "GroupNorm(+SiLU)" -> "GroupNorm";
            default -> layer;
        };
    }

    private static Map<String, Tally> sorted(Map<String, Tally> m) {
        Map<String, Tally> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().nanos, a.getValue().nanos))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public void close() {
        observation.close();
        LayerClock.disable();
    }

    // ---- kinds ---------------------------------------------------------------------------

    private String kindOf(SameDiff sd, String opName) {
        return kinds.computeIfAbsent(sd, this::classify).getOrDefault(opName, "other");
    }

    /** Kinds of every op of {@code sd}: a model graph, or the gradient function of one. */
    private Map<String, String> classify(SameDiff sd) {
        if (graphs.containsKey(sd)) {
            return forwardKinds(sd);
        }
        for (SameDiff parent : graphs.keySet()) {
            if (parent.getFunction("grad") == sd) {
                return gradientKinds(forwardKinds(parent), sd);
            }
        }
        return forwardKinds(sd);
    }

    private static Map<String, String> forwardKinds(SameDiff sd) {
        Map<String, String> out = new HashMap<>();
        for (SameDiffOp op : sd.getOps().values()) {
            String k = direct(sd, op);
            if (k != null) {
                out.put(op.getName(), k);
            }
        }
        for (SameDiffOp op : sd.getOps().values()) {
            out.computeIfAbsent(op.getName(), n -> downstream(sd, op, out));
        }
        return out;
    }

    private static Map<String, String> gradientKinds(Map<String, String> forward, SameDiff grad) {
        Map<String, String> out = new HashMap<>(forward);
        for (SameDiffOp op : grad.getOps().values()) {
            if (out.containsKey(op.getName())) {
                continue;
            }
            String k = direct(grad, op);
            if (k == null) {
                k = fromGradientInputs(grad, op, out);
            }
            out.put(op.getName(), k);
        }
        return out;
    }

    /** Rules 1 and 2: the op's type, else the parameter it reads; null when neither decides. */
    static String direct(SameDiff sd, SameDiffOp op) {
        String type = op.getOp().opName().toLowerCase();
        if (type.contains("swish") || type.contains("relu") || type.contains("tanh") || type.contains("sigmoid")) {
            return "activation";
        }
        if (type.contains("attention") || type.contains("softmax")) {
            return "attention";
        }
        if (type.startsWith("upsampling") || type.startsWith("concat")) {
            return "resample/concat";
        }
        for (String in : op.getInputsToOp()) {
            SDVariable v = sd.getVariable(in);
            if (v != null && v.getVariableType() == VariableType.VARIABLE) {
                return byParameter(in, type);
            }
        }
        return null;
    }

    /** The kind a parameter name implies for an op of the given type reading it. */
    static String byParameter(String param, String opType) {
        if (param.contains("_norm") && (param.endsWith("_gamma") || param.endsWith("_beta"))) {
            return "GroupNorm";
        }
        if (param.contains("_bn") && (param.endsWith("_gamma") || param.endsWith("_beta"))) {
            return "BatchNorm";
        }
        if (param.contains("_attn_")) {
            return "attention";
        }
        if (opType.startsWith("conv") || opType.startsWith("deconv")) {
            return "convolution";
        }
        if (opType.startsWith("matmul") || opType.startsWith("mmul")) {
            return "dense";
        }
        return param.endsWith("_b") ? (param.contains("conv") || param.contains("_up") || param.contains("_out")
                || param.contains("_skip") ? "convolution" : "dense") : "other";
    }

    /** Rule 4: breadth-first along consumers to the first op rules 1–2 decided; "loss" past the last layer. */
    private static String downstream(SameDiff sd, SameDiffOp from, Map<String, String> decided) {
        Deque<String> queue = new ArrayDeque<>(from.getOutputsOfOp());
        Map<String, Boolean> seen = new HashMap<>();
        while (!queue.isEmpty()) {
            String var = queue.poll();
            if (seen.put(var, Boolean.TRUE) != null) {
                continue;
            }
            Variable v = sd.getVariables().get(var);
            List<String> consumers = v == null ? null : v.getInputsForOp();
            if (consumers == null) {
                continue;
            }
            for (String c : consumers) {
                String k = decided.get(c);
                if (k != null && !k.equals("activation")) {
                    return k;
                }
                SameDiffOp op = sd.getOps().get(c);
                if (op != null) {
                    queue.addAll(op.getOutputsOfOp());
                }
            }
        }
        return "loss";
    }

    /** Rule 3: the kind of the forward op whose output's gradient ({@code name-grad}) this op reads. */
    private static String fromGradientInputs(SameDiff grad, SameDiffOp op, Map<String, String> known) {
        for (String in : op.getInputsToOp()) {
            if (in.endsWith("-grad")) {
                String producer = producer(grad, in.substring(0, in.length() - "-grad".length()));
                if (producer != null && known.containsKey(producer)) {
                    return known.get(producer);
                }
            }
        }
        for (String in : op.getInputsToOp()) {
            String producer = producer(grad, in);
            if (producer != null && known.containsKey(producer)) {
                return known.get(producer);
            }
        }
        return "other";
    }

    private static String producer(SameDiff sd, String var) {
        Variable v = sd.getVariables().get(var);
        return v == null ? null : v.getOutputOfOp();
    }
}
