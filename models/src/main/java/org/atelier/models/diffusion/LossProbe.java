package org.atelier.models.diffusion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.core.random.CounterStream;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;
import org.atelier.models.common.NdImages;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loss of a diffusion model by timestep: the mean squared error between the network's
 * output and its target (ε, or v) on held-out images, per bin of timesteps. Where one network's
 * error is higher than another's of the same architecture, training differs there (issue 15).
 *
 * <p>The probe set is fixed so that another implementation can feed its network the very same
 * inputs: for bin b = [lo, hi) and probe k = 0…K−1 the image is image k of the held-out set,
 * t = lo + ⌊u(100 + b, k)·(hi − lo)⌋, and the noise of value p of image k is the Box–Muller normal
 * of u(200 + b, k·P + p) and u(300 + b, k·P + p) (P values per image), u being
 * {@link CounterStream#uniform}; the noise is rounded once to float32.
 * {@code benchmarks/pytorch/fashion.py} ({@code probe}) draws the same set, so the PyTorch
 * yardstick is measured on the same images, timesteps and noise.
 */
public final class LossProbe {
    static final int STREAM_T = 100;
    static final int STREAM_EPS1 = 200;
    static final int STREAM_EPS2 = 300;
    /** Images per forward pass. */
    private static final int CHUNK = 128;

    /** Timesteps [lo, hi). */
    public record Bin(int lo, int hi) {
        public Bin {
            if (lo < 0 || hi <= lo) {
                throw new IllegalArgumentException("a bin needs 0 <= lo < hi, got [" + lo + ", " + hi + ")");
            }
        }

        @Override
        public String toString() {
            return hi - lo == 1 ? String.valueOf(lo) : lo + "–" + (hi - 1);
        }
    }

    /**
     * @param n             probes in the bin
     * @param mse           mean over probes of the per-image mean squared error
     * @param standardError standard deviation of the per-image errors over √n
     */
    public record Row(Bin bin, int n, double mse, double standardError) {
    }

    /** The bins of issue 15's table: 0–9, 10–49, 50–199, 200–499, 500–999. */
    public static List<Bin> defaultBins(int timesteps) {
        return bins(new int[] {0, 10, 50, 200, 500, timesteps});
    }

    /** Consecutive bins between the given increasing edges (the last edge is exclusive). */
    public static List<Bin> bins(int[] edges) {
        List<Bin> out = new ArrayList<>();
        for (int i = 1; i < edges.length; i++) {
            out.add(new Bin(edges[i - 1], edges[i]));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("need at least two bin edges");
        }
        return out;
    }

    private LossProbe() {
    }

    /**
     * @param heldOut       images the model did not train on (e.g. a test split); the first {@code perBin} are used
     * @param perBin        probes per bin (≤ the held-out set's size)
     * @param unconditional feed every probe the null condition instead of its own class/attributes
     */
    public static List<Row> measure(DiffusionModel model, ImageDataset heldOut, List<Bin> bins, int perBin,
                                    boolean unconditional) {
        if (perBin < 2 || perBin > heldOut.size()) {
            throw new IllegalArgumentException("probes per bin must be in 2.." + heldOut.size() + ", got " + perBin);
        }
        int T = model.schedule().steps();
        for (Bin b : bins) {
            if (b.hi() > T) {
                throw new IllegalArgumentException("bin " + b + " reaches past the model's " + T + " timesteps");
            }
        }
        List<Image> images = new ArrayList<>(perBin);
        List<Condition> conditions = new ArrayList<>(perBin);
        for (int k = 0; k < perBin; k++) {
            Sample s = heldOut.get(k);
            images.add(s.image());
            conditions.add(unconditional ? model.conditionSpace().nullCondition() : conditionOf(model, s));
        }
        List<Row> rows = new ArrayList<>();
        for (int b = 0; b < bins.size(); b++) {
            double[] errors = new double[perBin];
            for (int from = 0; from < perBin; from += CHUNK) {
                int to = Math.min(perBin, from + CHUNK);
                INDArray x0 = NdImages.stack(images.subList(from, to));
                int[] t = timesteps(bins.get(b), b, from, to);
                INDArray eps = noise(b, from, x0.shape());
                INDArray err = chunkErrors(model, x0, eps, t, model.conditionSpace().isEmpty() ? List.of()
                        : conditions.subList(from, to));
                for (int i = from; i < to; i++) {
                    errors[i] = err.getDouble(i - from);
                }
            }
            rows.add(row(bins.get(b), errors));
        }
        return rows;
    }

    /** Per-image mean squared error of the network's output against its target. */
    private static INDArray chunkErrors(DiffusionModel model, INDArray x0, INDArray eps, int[] t, List<Condition> cs) {
        NoiseSchedule schedule = model.schedule();
        INDArray xt = schedule.addNoise(x0, eps, t);
        INDArray target = model.prediction().targets(schedule, x0, eps, t);
        INDArray out = model.forward(xt, t, cs);
        INDArray d = out.castTo(DataType.DOUBLE).subi(target.castTo(DataType.DOUBLE));
        return d.muli(d).reshape(t.length, -1).mean(1);
    }

    static int[] timesteps(Bin bin, int b, int from, int to) {
        int[] t = new int[to - from];
        for (int k = from; k < to; k++) {
            t[k - from] = bin.lo() + (int) Math.floor(CounterStream.uniform(STREAM_T + b, k) * (bin.hi() - bin.lo()));
        }
        return t;
    }

    /** The noise of probes [from, from + shape[0]) of bin b. */
    static INDArray noise(int b, int from, long[] shape) {
        int per = (int) (shape[1] * shape[2] * shape[3]);
        float[] z = new float[(int) shape[0] * per];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) CounterStream.normal(STREAM_EPS1 + b, STREAM_EPS2 + b, (long) from * per + i);
        }
        return Nd4j.create(z, shape, 'c');
    }

    private static Condition conditionOf(DiffusionModel model, Sample s) {
        ConditionSpace space = model.conditionSpace();
        return switch (model.config().conditioning()) {
            case NONE -> space.nullCondition();
            case CLASS -> space.single(0, s.label());
            case ATTRIBUTES -> {
                Map<String, String> a = new LinkedHashMap<>();
                for (String slot : space.slotNames()) {
                    String v = s.attributes().get(slot);
                    if (v != null) {
                        a.put(slot, v);
                    }
                }
                yield space.of(a);
            }
        };
    }

    private static Row row(Bin bin, double[] errors) {
        INDArray e = Nd4j.createFromArray(errors);
        return new Row(bin, errors.length, e.meanNumber().doubleValue(),
                e.stdNumber().doubleValue() / Math.sqrt(errors.length));
    }
}
