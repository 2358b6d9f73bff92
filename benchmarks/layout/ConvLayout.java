import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native conv2d / conv2d_bp at UNet-28's 3×3 shapes (batch 64), on NCHW arrays and on
 * channels-last (NHWC) ones: median milliseconds of 15 calls after 3. The measurement behind the
 * fast engine's channels-last layout (docs/performance.md); conv_layout.py times PyTorch on the
 * same shapes. Run from the repository root after ./atelier has built the classpath:
 *
 *   java -cp "$(cat cli/target/classpath.txt)" benchmarks/layout/ConvLayout.java
 *
 * and with DNNL_VERBOSE=1 in the environment to see oneDNN's kernels and reorders per call.
 */
public class ConvLayout {
    private static final int[][] SHAPES = {{1, 32, 28}, {32, 32, 28}, {64, 64, 14}, {128, 64, 14}, {64, 64, 7},
        {128, 64, 7}, {96, 32, 28}};

    public static void main(String[] args) {
        System.out.printf("load average %s; ND4J threads %d%n", java.nio.file.Files.exists(java.nio.file.Path.of("/proc/loadavg"))
                ? read("/proc/loadavg") : "?", Nd4j.getEnvironment().maxMasterThreads());
        System.out.println("in->out side   NCHW fwd   NHWC fwd    NCHW bp    NHWC bp   (ms)");
        Nd4j.getRandom().setSeed(1);
        for (int[] s : SHAPES) {
            double[] nchw = time(s, false);
            double[] nhwc = time(s, true);
            System.out.printf("%3d->%3d  %2d  %8.2f  %9.2f  %9.2f  %9.2f%n", s[0], s[1], s[2], nchw[0], nhwc[0], nchw[1], nhwc[1]);
        }
    }

    private static double[] time(int[] s, boolean channelsLast) {
        int in = s[0];
        int out = s[1];
        int side = s[2];
        long[] x = channelsLast ? new long[] {64, side, side, in} : new long[] {64, in, side, side};
        long[] y = channelsLast ? new long[] {64, side, side, out} : new long[] {64, out, side, side};
        INDArray input = Nd4j.randn(DataType.FLOAT, x);
        INDArray w = Nd4j.randn(DataType.FLOAT, 3, 3, in, out);
        INDArray b = Nd4j.randn(DataType.FLOAT, out);
        INDArray g = Nd4j.randn(DataType.FLOAT, y);
        // kH kW sH sW pH pW dH dW, same-mode 0, data format (0 NCHW, 1 NHWC), weights (kH, kW, iC, oC)
        int[] iArgs = {3, 3, 1, 1, 1, 1, 1, 1, 0, channelsLast ? 1 : 0, 0};
        DynamicCustomOp fwd = DynamicCustomOp.builder("conv2d").addInputs(input, w, b)
                .addOutputs(Nd4j.create(DataType.FLOAT, y)).addIntegerArguments(iArgs).build();
        DynamicCustomOp bp = DynamicCustomOp.builder("conv2d_bp").addInputs(input, w, b, g)
                .addOutputs(input.ulike(), w.ulike(), b.ulike()).addIntegerArguments(iArgs).build();
        return new double[] {median(fwd), median(bp)};
    }

    private static double median(DynamicCustomOp op) {
        for (int i = 0; i < 3; i++) {
            Nd4j.exec(op);
        }
        double[] t = new double[15];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            Nd4j.exec(op);
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(t);
        return t[t.length / 2];
    }

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file)).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
