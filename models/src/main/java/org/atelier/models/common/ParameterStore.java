package org.atelier.models.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The live arrays of a model, shared by every SameDiff graph built over it (training graphs
 * and the inference graph hold the same {@link INDArray} instances, so an in-place update is
 * seen by all). Parameters belong to a named group (the unit an optimiser updates: {@code d},
 * {@code g}); buffers (batch-norm running statistics) are state that no optimiser touches.
 * Insertion order is kept so checkpoints and gradient vectors have a stable layout.
 */
public final class ParameterStore {
    private final Map<String, INDArray> params = new LinkedHashMap<>();
    private final Map<String, String> groupOf = new LinkedHashMap<>();
    private final Map<String, INDArray> buffers = new LinkedHashMap<>();

    /** Returns the parameter {@code name}, creating it in {@code group} from {@code init} on first use. */
    public INDArray param(String group, String name, Supplier<INDArray> init) {
        INDArray a = params.get(name);
        if (a == null) {
            if (buffers.containsKey(name)) {
                throw new IllegalStateException(name + " is already a buffer");
            }
            a = init.get();
            params.put(name, a);
            groupOf.put(name, group);
        } else if (!groupOf.get(name).equals(group)) {
            throw new IllegalStateException(name + " is in group " + groupOf.get(name) + ", not " + group);
        }
        return a;
    }

    /** Returns the buffer {@code name}, creating it from {@code init} on first use. */
    public INDArray buffer(String name, Supplier<INDArray> init) {
        if (params.containsKey(name)) {
            throw new IllegalStateException(name + " is already a parameter");
        }
        return buffers.computeIfAbsent(name, n -> init.get());
    }

    public boolean isParameter(String name) {
        return params.containsKey(name);
    }

    /** Every parameter, in creation order. */
    public Map<String, INDArray> parameters() {
        return Collections.unmodifiableMap(params);
    }

    /** Group names, in order of first appearance. */
    public Set<String> groups() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(groupOf.values()));
    }

    /** Names of the parameters of {@code group}, in creation order. */
    public List<String> names(String group) {
        List<String> out = new ArrayList<>();
        groupOf.forEach((n, g) -> {
            if (g.equals(group)) {
                out.add(n);
            }
        });
        return out;
    }

    public String groupOf(String name) {
        return groupOf.get(name);
    }

    public Map<String, INDArray> buffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /** Number of scalar parameters in {@code group}. */
    public long count(String group) {
        return names(group).stream().mapToLong(n -> params.get(n).length()).sum();
    }

    /** Copies {@code values} into the live arrays of the same names (shapes must agree). */
    public void assign(Map<String, INDArray> values) {
        values.forEach((n, v) -> {
            INDArray target = params.containsKey(n) ? params.get(n) : buffers.get(n);
            if (target == null) {
                throw new IllegalArgumentException("no parameter or buffer named " + n);
            }
            if (!java.util.Arrays.equals(target.shape(), v.shape())) {
                throw new IllegalArgumentException(n + ": shape " + java.util.Arrays.toString(v.shape())
                        + " does not fit " + java.util.Arrays.toString(target.shape()));
            }
            target.assign(v);
        });
    }

    /** Detached copies of the named arrays (parameters or buffers). */
    public Map<String, INDArray> snapshot(Iterable<String> names) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String n : names) {
            INDArray a = params.containsKey(n) ? params.get(n) : buffers.get(n);
            out.put(n, a.dup());
        }
        return out;
    }
}
