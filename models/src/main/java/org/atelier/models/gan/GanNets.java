package org.atelier.models.gan;

import org.atelier.models.common.BatchNorm;
import org.atelier.models.common.Layers;
import org.atelier.models.common.Net;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Generator and discriminator bodies of {@link GanArch} layouts, built into any {@link Net}
 * (so the same weights serve the training graphs and the inference graph). Parameter names
 * start with {@code g_} or {@code d_}; the groups are {@code g} and {@code d}.
 */
final class GanNets {
    static final String G = "g";
    static final String D = "d";
    static final double STD = 0.02;
    static final double LEAK = 0.2;

    private GanNets() {
    }

    /**
     * z (N, zDim), optionally concatenated with a one-hot condition (N, k), to images (N, C, side, side)
     * in (-1, 1).
     */
    static SDVariable generator(Net net, GanArch arch, int channels, SDVariable z, int inDim) {
        int[] w = arch.generatorWidths();
        int b = arch.baseSide();
        int first = w[0] * b * b;
        SDVariable h = Layers.linear(net, G, "g_fc", z, inDim, first, STD, false);
        h = BatchNorm.apply(net, G, "g_bn0", h, first, 2, 1);
        h = Layers.relu(net, h);
        h = net.sd().reshape(h, -1, w[0], b, b);
        int side = b;
        for (int i = 1; i < w.length; i++) {
            h = Layers.deconv(net, G, "g_up" + i, h, w[i - 1], w[i], 4, 2, 1, STD, false);
            side *= 2;
            h = BatchNorm.apply(net, G, "g_bn" + i, h, w[i], 4, (long) side * side);
            h = Layers.relu(net, h);
        }
        h = Layers.deconv(net, G, "g_out", h, w[w.length - 1], channels, 4, 2, 1, STD, true);
        return net.sd().nn().tanh(h);
    }

    /**
     * Images (N, C, side, side) to flattened features (N, F) — D's body before its linear head.
     *
     * @param batchNorm false for a WGAN critic (the penalty is per sample; Gulrajani et al. 2017, section 4)
     */
    static SDVariable features(Net net, GanArch arch, int channels, SDVariable x, boolean batchNorm) {
        int[] w = arch.discriminatorWidths();
        int side = arch.side();
        SDVariable h = Layers.conv(net, D, "d_conv0", x, channels, w[0], 4, 2, 1, STD, true);
        side /= 2;
        h = Layers.leakyRelu(net, h, LEAK);
        for (int i = 1; i < w.length; i++) {
            h = Layers.conv(net, D, "d_conv" + i, h, w[i - 1], w[i], 4, 2, 1, STD, !batchNorm);
            side /= 2;
            if (batchNorm) {
                h = BatchNorm.apply(net, D, "d_bn" + i, h, w[i], 4, (long) side * side);
            }
            h = Layers.leakyRelu(net, h, LEAK);
        }
        return net.sd().reshape(h, -1, featureCount(arch));
    }

    static int featureCount(GanArch arch) {
        int[] w = arch.discriminatorWidths();
        int side = arch.side() >> w.length;
        return w[w.length - 1] * side * side;
    }

    /**
     * D's logit (N, 1). With a one-hot condition y (N, k) it adds the projection term ⟨E·y, φ(x)⟩
     * (Miyato and Koyama 2018, eq. 3), else y is null.
     */
    static SDVariable discriminator(Net net, GanArch arch, int channels, SDVariable x, boolean batchNorm,
                                    SDVariable y, int classes) {
        SDVariable phi = features(net, arch, channels, x, batchNorm);
        int f = featureCount(arch);
        SDVariable logit = Layers.linear(net, D, "d_fc", phi, f, 1, STD, true);
        if (y != null) {
            SDVariable embed = net.param(D, "d_embed", () -> net.init().normal(STD, classes, f));
            SDVariable proj = y.mmul(embed).mul(phi).sum(true, 1);
            logit = logit.add(proj);
        }
        return logit;
    }
}
