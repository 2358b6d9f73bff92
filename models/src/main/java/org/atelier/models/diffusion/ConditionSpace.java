package org.atelier.models.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The conditioning variables of a model and their encoding: each slot a one-hot over its
 * values plus a null token, the slots concatenated (width Σ(values + 1)). The network multiplies
 * this multi-hot row by an embedding table, i.e. adds one learnt vector per slot to the time
 * embedding. An empty space is an unconditional model.
 */
public final class ConditionSpace {
    private final List<ConditionSlot> slots;

    public ConditionSpace(List<ConditionSlot> slots) {
        this.slots = List.copyOf(slots);
    }

    public static ConditionSpace none() {
        return new ConditionSpace(List.of());
    }

    public List<ConditionSlot> slots() {
        return slots;
    }

    public boolean isEmpty() {
        return slots.isEmpty();
    }

    /** Width of the multi-hot encoding. */
    public int width() {
        return slots.stream().mapToInt(s -> s.values().size() + 1).sum();
    }

    /** Every slot at its null token: the unconditional input of classifier-free guidance. */
    public Condition nullCondition() {
        int[] v = new int[slots.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = slots.get(i).nullIndex();
        }
        return new Condition(v);
    }

    /** A condition setting the named slots (by value name) and leaving the others null. */
    public Condition of(Map<String, String> values) {
        int[] v = nullCondition().values();
        for (Map.Entry<String, String> e : values.entrySet()) {
            int s = slotIndex(e.getKey());
            if (s < 0) {
                throw new IllegalArgumentException("no condition '" + e.getKey() + "'; this model has " + slotNames());
            }
            int k = slots.get(s).indexOf(e.getValue());
            if (k < 0) {
                throw new IllegalArgumentException(e.getKey() + " has no value '" + e.getValue() + "'; it has "
                        + slots.get(s).values());
            }
            v[s] = k;
        }
        return new Condition(v);
    }

    /** Slot {@code slot} set to value {@code value}, the others null. */
    public Condition single(int slot, int value) {
        int[] v = nullCondition().values();
        v[slot] = value;
        return new Condition(v);
    }

    public int slotIndex(String name) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> slotNames() {
        return slots.stream().map(ConditionSlot::name).toList();
    }

    /** (N, width) multi-hot rows, float32. */
    public INDArray encode(List<Condition> conditions) {
        int w = width();
        float[] d = new float[conditions.size() * w];
        for (int i = 0; i < conditions.size(); i++) {
            int[] v = conditions.get(i).values();
            if (v.length != slots.size()) {
                throw new IllegalArgumentException("condition has " + v.length + " slots, the model " + slots.size());
            }
            int offset = 0;
            for (int s = 0; s < v.length; s++) {
                int size = slots.get(s).values().size() + 1;
                if (v[s] < 0 || v[s] >= size) {
                    throw new IllegalArgumentException("value " + v[s] + " of slot " + slots.get(s).name()
                            + " outside [0, " + size + ")");
                }
                d[i * w + offset + v[s]] = 1f;
                offset += size;
            }
        }
        return Nd4j.create(d, new long[] {conditions.size(), w}, 'c');
    }

    /** "class=Sneaker", "age=old, glasses=yes", or "unconditional". */
    public String describe(Condition c) {
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < slots.size(); s++) {
            int v = c.value(s);
            if (v != slots.get(s).nullIndex()) {
                parts.add(slots.get(s).name() + "=" + slots.get(s).values().get(v));
            }
        }
        return parts.isEmpty() ? "unconditional" : String.join(", ", parts);
    }
}
