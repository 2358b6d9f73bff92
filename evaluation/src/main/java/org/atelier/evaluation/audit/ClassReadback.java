package org.atelier.evaluation.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Did a class-conditional generator draw the class it was asked for? Each sample is read back by
 * a classifier (for Fashion-MNIST, the {@code fmnist-v1} extractor's own softmax head, 92.09 % test
 * accuracy on real images (docs/evaluation.md), so even a perfect generator scores below 100 %); the share of samples
 * read as the asked class is reported per class and overall, each with a Wilson interval
 * ({@link ShareTable}).
 *
 * @param perClass class name → samples asked for it that were read as it, of those asked
 * @param overall  all samples read as their asked class
 */
public record ClassReadback(List<ShareTable.Share> perClass, ShareTable.Share overall) implements java.io.Serializable {
    public ClassReadback {
        perClass = List.copyOf(perClass);
    }

    /**
     * @param classes class names by index
     * @param asked   the class each sample was drawn under
     * @param read    the class the classifier read from each sample
     */
    public static ClassReadback of(List<String> classes, int[] asked, int[] read) {
        if (asked.length != read.length || asked.length == 0) {
            throw new IllegalArgumentException("need one read-back per asked sample, got " + asked.length + " and "
                    + read.length);
        }
        int[] n = new int[classes.size()];
        int[] hit = new int[classes.size()];
        int all = 0;
        for (int i = 0; i < asked.length; i++) {
            n[asked[i]]++;
            if (asked[i] == read[i]) {
                hit[asked[i]]++;
                all++;
            }
        }
        List<ShareTable.Share> rows = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (n[c] > 0) {
                rows.add(ShareTable.share(classes.get(c), hit[c], n[c]));
            }
        }
        return new ClassReadback(rows, ShareTable.share("all", all, asked.length));
    }

    /** The index of the largest logit per row. */
    public static int[] argMax(float[][] logits) {
        int[] out = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            int best = 0;
            for (int j = 1; j < logits[i].length; j++) {
                if (logits[i][j] > logits[i][best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("overall", overall.toJson());
        Map<String, Object> per = new LinkedHashMap<>();
        perClass.forEach(s -> per.put(s.value(), s.toJson()));
        m.put("per_class", per);
        m.put("level", ShareTable.LEVEL);
        return m;
    }
}
