package org.atelier.models.diffusion;

import org.atelier.models.common.BroadcastMul;
import org.atelier.models.common.Init;
import org.atelier.models.common.Net;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Group normalisation (Wu and He 2018): channels split into G groups, each sample's group
 * normalised by its own mean and biased variance over (C/G, H, W), then a per-channel scale
 * γ (starts at 1) and shift β (starts at 0); ε = 1e-5 as in PyTorch. Composed from reshape,
 * mean and rsqrt because SameDiff 1.0.0-M2.1 has no GroupNorm op (ND4J-NOTES). It uses no
 * batch statistics, so training and sampling graphs are the same. The per-group and per-channel
 * products use {@link BroadcastMul} in a training graph, and the variance squares by a product: both
 * have gradients several times cheaper in ND4J M2.1 than the plain forms' ({@code
 * benchmarks/README.md}). A sampling graph (not differentiated) keeps the plain broadcast products,
 * which give the same values with two fewer full-size passes each.
 */
public final class GroupNorm {
    static final double EPS = 1e-5;

    private GroupNorm() {
    }

    /** x (N, C, H, W) → normalised, same shape. */
    public static SDVariable apply(Net net, String name, SDVariable x, int channels, int groups, int side) {
        SameDiff sd = net.sd();
        SDVariable gamma = net.param(UNet.GROUP, name + "_gamma", () -> Init.ones(1, channels, 1, 1));
        SDVariable beta = net.param(UNet.GROUP, name + "_beta", () -> Init.zeros(1, channels, 1, 1));
        SDVariable g = sd.reshape(x, -1, groups, (long) (channels / groups) * side * side);
        SDVariable mean = g.mean(true, 2);
        SDVariable centred = g.sub(mean);
        // centred·centred, not square(): same forward values, and square's gradient op calls powf per element
        SDVariable var = centred.mul(centred).mean(true, 2);
        SDVariable norm = product(net, centred, sd.math().rsqrt(var.add(EPS)));
        return product(net, sd.reshape(norm, -1, channels, side, side), gamma).add(beta);
    }

    /** x·y with y broadcast: through BroadcastMul where a gradient will be taken (same values, far cheaper gradient). */
    private static SDVariable product(Net net, SDVariable x, SDVariable y) {
        return net.training() ? BroadcastMul.apply(net.sd(), x, y) : x.mul(y);
    }
}
