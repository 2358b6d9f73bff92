package org.atelier.bench;

import java.util.ArrayList;
import java.util.List;
import org.atelier.models.diffusion.UNetSpec;
import org.atelier.models.gan.GanArch;

/**
 * Analytic multiply-accumulate counts of the benchmarked networks, from their layer shapes (the
 * same walk as {@code GanNets} and {@code UNet}). Only the products are counted — convolutions,
 * transposed convolutions, dense layers and attention's two batched products (QᵀK and V·Aᵀ);
 * normalisation, activations and additions are left out, as usual for a GFLOP/s figure. One
 * MAC is two FLOPs. A training step is taken to cost three forward passes (forward, gradient
 * with respect to the inputs, gradient with respect to the weights). The PyTorch script counts
 * the same MACs with forward hooks, and {@code atelier bench --vs-pytorch} checks that the two
 * counts agree, which checks that both sides built the same shapes.
 */
public final class FlopCount {
    private FlopCount() {
    }

    /** MACs of a k×k convolution producing {@code n × out × side²} values from {@code in} channels. */
    static long conv(long n, int in, int out, int k, int outSide) {
        return n * out * (long) outSide * outSide * in * k * k;
    }

    /** MACs of a k×k transposed convolution reading {@code n × in × side²} values into {@code out} channels. */
    static long deconv(long n, int in, int out, int k, int inSide) {
        return n * in * (long) inSide * inSide * out * k * k;
    }

    static long dense(long n, int in, int out) {
        return n * in * (long) out;
    }

    /** DCGAN generator forward MACs at batch n (z of {@code zDim}, images of {@code channels}). */
    public static long dcganGenerator(GanArch arch, int channels, int zDim, long n) {
        int[] w = arch.generatorWidths();
        int side = arch.baseSide();
        long macs = dense(n, zDim, w[0] * side * side);
        for (int i = 1; i < w.length; i++) {
            macs += deconv(n, w[i - 1], w[i], 4, side);
            side *= 2;
        }
        return macs + deconv(n, w[w.length - 1], channels, 4, side);
    }

    /** DCGAN discriminator forward MACs at batch n. */
    public static long dcganDiscriminator(GanArch arch, int channels, long n) {
        int[] w = arch.discriminatorWidths();
        int side = arch.side() / 2;
        long macs = conv(n, channels, w[0], 4, side);
        for (int i = 1; i < w.length; i++) {
            side /= 2;
            macs += conv(n, w[i - 1], w[i], 4, side);
        }
        return macs + dense(n, w[w.length - 1] * side * side, 1);
    }

    /**
     * FLOPs of one DCGAN step (one critic step): D's update runs G forward once and D forward and
     * backward on the real and the fake batch (G + 2·3·D); G's update runs G and D forward and
     * backward (3·(G + D)). Total 4·G + 9·D MACs, times 2.
     */
    public static double dcganStepFlops(GanArch arch, int channels, int zDim, long n) {
        return 2.0 * (4.0 * dcganGenerator(arch, channels, zDim, n) + 9.0 * dcganDiscriminator(arch, channels, n));
    }

    /** UNet forward MACs at batch n, unconditional (the walk of {@code UNet.forward}). */
    public static long unet(UNetSpec spec, int channels, long n) {
        int tw = spec.timeWidth();
        List<Integer> w = spec.widths();
        long macs = 2 * dense(n, tw, tw);
        int side = spec.side();
        macs += conv(n, channels, w.get(0), 3, side);
        int cur = w.get(0);
        List<Integer> skips = new ArrayList<>();
        for (int l = 0; l < w.size(); l++) {
            macs += resBlock(n, cur, w.get(l), tw, side);
            cur = w.get(l);
            skips.add(cur);
            if (l < w.size() - 1) {
                side /= 2;
                macs += conv(n, cur, cur, 3, side);
            }
        }
        macs += 2 * resBlock(n, cur, cur, tw, side);
        if (spec.attention()) {
            long positions = (long) side * side;
            macs += 4 * conv(n, cur, cur, 1, side) + 2 * n * cur * positions * positions;
        }
        for (int l = w.size() - 1; l >= 0; l--) {
            macs += resBlock(n, cur + skips.get(l), w.get(l), tw, side);
            cur = w.get(l);
            if (l > 0) {
                side *= 2;
                macs += conv(n, cur, cur, 3, side);
            }
        }
        return macs + conv(n, cur, channels, 3, side);
    }

    private static long resBlock(long n, int in, int out, int tw, int side) {
        long macs = conv(n, in, out, 3, side) + dense(n, tw, out) + conv(n, out, out, 3, side);
        return in == out ? macs : macs + conv(n, in, out, 1, side);
    }

    /** FLOPs of one UNet training step: three forward passes' worth. */
    public static double unetStepFlops(UNetSpec spec, int channels, long n) {
        return 2.0 * 3.0 * unet(spec, channels, n);
    }

    /** FLOPs of one UNet forward pass. */
    public static double unetForwardFlops(UNetSpec spec, int channels, long n) {
        return 2.0 * unet(spec, channels, n);
    }
}
