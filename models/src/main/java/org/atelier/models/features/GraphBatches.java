package org.atelier.models.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs prepared images through an extractor's inference graph in chunks (bounded memory
 * whatever the number of images) and collects 2-d outputs as one row per image.
 */
final class GraphBatches {
    /** Images per forward pass. */
    static final int CHUNK = 256;

    private GraphBatches() {
    }

    /**
     * @param input   name of the graph's {@code (N, C, H, W)} input placeholder
     * @param spec    the size every image must have (as {@code prepare()} returns it)
     * @param outputs names of {@code (N, k)} graph outputs
     * @return per output name, {@code images.size()} rows of its k values
     * @throws IllegalArgumentException for an image not of {@code spec}'s size
     */
    static Map<String, float[][]> run(SameDiff graph, String input, InputSpec spec, List<Image> images,
                                      List<String> outputs) {
        int pixels = spec.channels() * spec.height() * spec.width();
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (String name : outputs) {
            out.put(name, new float[images.size()][]);
        }
        for (int from = 0; from < images.size(); from += CHUNK) {
            int n = Math.min(CHUNK, images.size() - from);
            float[] x = new float[n * pixels];
            for (int i = 0; i < n; i++) {
                Image img = images.get(from + i);
                if (img.channels() != spec.channels() || img.height() != spec.height() || img.width() != spec.width()) {
                    throw new IllegalArgumentException("image " + (from + i) + " is " + img + "; call prepare() first");
                }
                System.arraycopy(img.pixels(), 0, x, i * pixels, pixels);
            }
            INDArray in = Nd4j.create(x, new long[] {n, spec.channels(), spec.height(), spec.width()}, 'c');
            Map<String, INDArray> acts = graph.output(Map.of(input, in), outputs);
            for (String name : outputs) {
                INDArray a = acts.get(name).castTo(DataType.FLOAT).dup('c');
                int cols = (int) a.size(1);
                float[] flat = a.data().asFloat();
                float[][] dst = out.get(name);
                for (int i = 0; i < n; i++) {
                    float[] row = new float[cols];
                    System.arraycopy(flat, i * cols, row, 0, cols);
                    dst[from + i] = row;
                }
            }
        }
        return out;
    }
}
