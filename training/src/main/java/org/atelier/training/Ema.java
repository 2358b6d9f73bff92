package org.atelier.training;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.models.common.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exponential moving average of some parameters, used for sampling. Warmed up as
 * d_s = min(d, (1 + s) / (10 + s)) (the schedule of TensorFlow's ExponentialMovingAverage
 * with num_updates), so a short run is not dominated by its initial weights.
 */
final class Ema {
    private final double decay;
    private final Map<String, INDArray> shadow = new LinkedHashMap<>();

    Ema(double decay, ParameterStore store, List<String> names) {
        this.decay = decay;
        for (String n : names) {
            shadow.put(n, store.parameters().get(n).dup());
        }
    }

    static double decayAt(double decay, long step) {
        return Math.min(decay, (1.0 + step) / (10.0 + step));
    }

    /** shadow ← d·shadow + (1 − d)·param after zero-based step {@code step}. */
    void update(ParameterStore store, long step) {
        double d = decay > 0 ? decayAt(decay, step) : 0;
        for (Map.Entry<String, INDArray> e : shadow.entrySet()) {
            INDArray p = store.parameters().get(e.getKey());
            INDArray sh = e.getValue();
            if (d == 0) {
                sh.assign(p);
            } else if (FusedAdam.denseFloat32(sh) && FusedAdam.denseFloat32(p) && sh.length() == p.length()) {
                // one pass in place: the ops below take three and leave a parameter-sized array for the
                // collector every step (0.81 M values on UNet-28, issue 20)
                FloatBuffer s = sh.data().asNioFloat();
                FloatBuffer v = p.data().asNioFloat();
                float keep = (float) d;
                float take = (float) (1 - d);
                for (int i = 0; i < (int) sh.length(); i++) {
                    s.put(i, keep * s.get(i) + take * v.get(i));
                }
            } else {
                sh.muli(d).addi(p.mul(1 - d));
            }
        }
    }

    Map<String, INDArray> values() {
        return shadow;
    }

    void restore(Map<String, INDArray> saved) {
        for (Map.Entry<String, INDArray> e : shadow.entrySet()) {
            INDArray s = saved.get(e.getKey());
            if (s == null) {
                throw new IllegalArgumentException("checkpoint has no EMA value for " + e.getKey());
            }
            e.getValue().assign(s);
        }
    }

    /** Puts the EMA values into the live parameters until {@link Swap#close()} puts the trained ones back. */
    Swap swapIn(ParameterStore store) {
        Map<String, INDArray> backup = store.snapshot(shadow.keySet());
        store.assign(shadow);
        return () -> store.assign(backup);
    }

    /** Restores the trained weights when closed. */
    interface Swap extends AutoCloseable {
        @Override
        void close();
    }
}
