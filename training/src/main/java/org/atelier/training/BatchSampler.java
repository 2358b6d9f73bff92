package org.atelier.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.atelier.core.image.Image;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;
import org.atelier.models.Batch;
import org.atelier.models.common.NdImages;

/**
 * Which samples step s trains on: the data is read as an endless sequence of epochs, each a
 * fresh permutation drawn from (run seed, epoch number), and step s takes positions
 * [s·B, (s + 1)·B) of that sequence. The state is the step number alone, so a resumed run
 * draws exactly the batches an uninterrupted one draws (a counter-based design: nothing to
 * save but the seed and the step).
 */
final class BatchSampler {
    private final ImageDataset data;
    private final long seed;
    private final int batch;
    private long cachedEpoch = -1;
    private int[] cachedPerm;

    BatchSampler(ImageDataset data, long seed, int batch) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("dataset " + data.id() + " is empty");
        }
        this.data = data;
        this.seed = seed;
        this.batch = batch;
    }

    /** Dataset indices of zero-based step {@code step}. */
    int[] indices(long step) {
        int[] out = new int[batch];
        long pos = step * batch;
        for (int i = 0; i < batch; i++, pos++) {
            long epoch = pos / data.size();
            out[i] = permutation(epoch)[(int) (pos % data.size())];
        }
        return out;
    }

    Batch batch(long step) {
        return load(indices(step));
    }

    Batch load(int[] idx) {
        List<Image> images = new ArrayList<>(idx.length);
        int[] labels = new int[idx.length];
        List<java.util.Map<String, String>> attributes = new ArrayList<>(idx.length);
        for (int i = 0; i < idx.length; i++) {
            Sample s = data.get(idx[i]);
            images.add(s.image());
            labels[i] = s.label();
            attributes.add(s.attributes());
        }
        return new Batch(NdImages.stack(images), labels, attributes);
    }

    private int[] permutation(long epoch) {
        if (epoch != cachedEpoch) {
            int n = data.size();
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            SplittableRandom r = new SplittableRandom(Seeds.derive(seed, "epoch/" + epoch));
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            cachedPerm = p;
            cachedEpoch = epoch;
        }
        return cachedPerm;
    }
}
