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
 * What {@link FmnistV1} and {@link PortraitsV1} share: a feature extractor that is a SameDiff
 * inference graph built from weights whose SHA-256 was checked on loading ({@link PinnedWeights}),
 * its features the graph's {@code fc1} output ({@link ConvTrunk#FEATURES}). Images run through the
 * graph in chunks, so memory stays bounded whatever their number.
 *
 * <p>Not thread-safe across calls on one instance (SameDiff sessions are not); methods that run
 * the graph are synchronised on the instance.
 */
abstract class GraphExtractor implements FeatureExtractor {
    /** Images per forward pass. */
    static final int CHUNK = 256;

    /** The inference graph; subclasses run it only while holding the instance's lock. */
    final SameDiff graph;
    private final String id;
    private final InputSpec input;
    private final int dimension;
    private final String inputName;
    private final String sha256;

    /**
     * @param inputName name of the graph's {@code (N, C, H, W)} input placeholder
     * @param sha256    SHA-256 of the weights the graph was built from
     */
    GraphExtractor(String id, InputSpec input, int dimension, SameDiff graph, String inputName, String sha256) {
        this.id = id;
        this.input = input;
        this.dimension = dimension;
        this.graph = graph;
        this.inputName = inputName;
        this.sha256 = sha256;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String weightsSha256() {
        return sha256;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public InputSpec input() {
        return input;
    }

    @Override
    public synchronized float[][] features(List<Image> images) {
        return run(images, List.of(ConvTrunk.FEATURES)).get(ConvTrunk.FEATURES);
    }

    /**
     * Runs prepared images through the graph, collecting 2-d outputs as one row per image.
     *
     * @param outputs names of {@code (N, k)} graph outputs
     * @return per output name, {@code images.size()} rows of its k values
     * @throws IllegalArgumentException for an image not of {@link #input()}'s size
     */
    synchronized Map<String, float[][]> run(List<Image> images, List<String> outputs) {
        int pixels = input.channels() * input.height() * input.width();
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (String name : outputs) {
            out.put(name, new float[images.size()][]);
        }
        for (int from = 0; from < images.size(); from += CHUNK) {
            int n = Math.min(CHUNK, images.size() - from);
            float[] x = new float[n * pixels];
            for (int i = 0; i < n; i++) {
                Image img = images.get(from + i);
                if (img.channels() != input.channels() || img.height() != input.height()
                        || img.width() != input.width()) {
                    throw new IllegalArgumentException("image " + (from + i) + " is " + img + "; call prepare() first");
                }
                System.arraycopy(img.pixels(), 0, x, i * pixels, pixels);
            }
            INDArray in = Nd4j.create(x, new long[] {n, input.channels(), input.height(), input.width()}, 'c');
            Map<String, INDArray> acts = graph.output(Map.of(inputName, in), outputs);
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
