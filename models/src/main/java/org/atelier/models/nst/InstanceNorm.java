package org.atelier.models.nst;

import org.atelier.models.common.Init;
import org.atelier.models.common.Net;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Instance normalisation (Ulyanov, Vedaldi and Lempitsky 2016): each sample's each channel is
 * normalised by its own spatial mean and (biased) variance, then scaled by γ and shifted by β,
 * learned per channel (γ starts at 1, β at 0). Composed from mean/variance ops like the
 * project's batch norm, so it differentiates in SameDiff M2.1; it needs no running statistics,
 * training and inference compute the same thing. ε = 1e-5.
 */
public final class InstanceNorm {
    public static final double EPS = 1e-5;

    private InstanceNorm() {
    }

    /** @param x (N, C, H, W) */
    public static SDVariable apply(Net net, String group, String name, SDVariable x, int channels) {
        long[] shape = {1, channels, 1, 1};
        SDVariable gamma = net.param(group, name + "_gamma", () -> Init.ones(shape));
        SDVariable beta = net.param(group, name + "_beta", () -> Init.zeros(shape));
        SDVariable mean = x.mean(true, 2, 3);
        SDVariable centred = x.sub(mean);
        SDVariable var = net.sd().math().square(centred).mean(true, 2, 3);
        return centred.mul(net.sd().math().rsqrt(var.add(EPS))).mul(gamma).add(beta);
    }
}
