package org.atelier.evaluation.fidelity;

/**
 * A separable SSIM window: weights along rows (vertical extent) and columns (horizontal), each
 * summing to 1. The standard one (Wang et al. 2004) is Gaussian, 11 taps, σ = 1.5.
 *
 * @param vertical   weights across rows, odd length
 * @param horizontal weights across columns, odd length
 */
public record SsimWindow(double[] vertical, double[] horizontal) {
    /** Gaussian 11×11, σ = 1.5: the window of the SSIM paper, skimage, torchmetrics. */
    public static final SsimWindow STANDARD = gaussian(11, 1.5, 11, 1.5);

    public SsimWindow {
        if (vertical.length % 2 == 0 || horizontal.length % 2 == 0) {
            throw new IllegalArgumentException("SSIM window sizes must be odd, got " + vertical.length + "x"
                    + horizontal.length);
        }
    }

    /** Gaussian taps at offsets −(k−1)/2 … (k−1)/2, normalised to sum 1. */
    public static SsimWindow gaussian(int sizeV, double sigmaV, int sizeH, double sigmaH) {
        return new SsimWindow(taps(sizeV, sigmaV), taps(sizeH, sigmaH));
    }

    /**
     * Gaussian window sized from σ the way torchmetrics does: k = 2·⌊3.5σ + 0.5⌋ + 1 per axis
     * (so σ = 1.5 gives 11).
     */
    public static SsimWindow gaussianForSigma(double sigmaV, double sigmaH) {
        return gaussian(2 * (int) (3.5 * sigmaV + 0.5) + 1, sigmaV, 2 * (int) (3.5 * sigmaH + 0.5) + 1, sigmaH);
    }

    /** Uniform (box) window of the given size. */
    public static SsimWindow uniform(int sizeV, int sizeH) {
        double[] v = new double[sizeV];
        double[] h = new double[sizeH];
        java.util.Arrays.fill(v, 1.0 / sizeV);
        java.util.Arrays.fill(h, 1.0 / sizeH);
        return new SsimWindow(v, h);
    }

    private static double[] taps(int size, double sigma) {
        if (size < 1 || size % 2 == 0 || !(sigma > 0)) {
            throw new IllegalArgumentException("Gaussian window needs an odd size and sigma > 0, got " + size + ", " + sigma);
        }
        double[] t = new double[size];
        double sum = 0;
        int half = size / 2;
        for (int i = 0; i < size; i++) {
            double x = (i - half) / sigma;
            t[i] = Math.exp(-0.5 * x * x);
            sum += t[i];
        }
        for (int i = 0; i < size; i++) {
            t[i] /= sum;
        }
        return t;
    }

    int padV() {
        return vertical.length / 2;
    }

    int padH() {
        return horizontal.length / 2;
    }
}
