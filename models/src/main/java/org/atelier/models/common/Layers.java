package org.atelier.models.common;

import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * The few layers the GAN family is built of, NCHW, weights N(0, std²) (DCGAN: std 0.02).
 * A layer followed by batch norm has no bias (the norm's shift replaces it).
 */
public final class Layers {
    private Layers() {
    }

    /** x (N, in) · W (in, out) + b. */
    public static SDVariable linear(Net net, String group, String name, SDVariable x, int in, int out,
                                    double std, boolean bias) {
        return linear(net, group, name, x, () -> net.init().normal(std, in, out), bias ? () -> Init.zeros(1, out) : null);
    }

    /** x (N, in) · W (in, out) + b, W and b (1, out) starting as the suppliers give them; no bias when it is null. */
    public static SDVariable linear(Net net, String group, String name, SDVariable x, Supplier<INDArray> weight,
                                    Supplier<INDArray> bias) {
        SDVariable y = x.mmul(net.param(group, name + "_w", weight));
        return bias == null ? y : y.add(net.param(group, name + "_b", bias));
    }

    /** Convolution, kernel k×k, stride s, padding p (weights (k, k, in, out), ND4J's layout). */
    public static SDVariable conv(Net net, String group, String name, SDVariable x, int in, int out,
                                  int k, int s, int p, double std, boolean bias) {
        return conv(net, group, name, x, k, s, p, () -> net.init().normal(std, k, k, in, out),
                bias ? () -> Init.zeros(out) : null);
    }

    /** As above, the weights (k, k, in, out) and bias (out) starting as the suppliers give them; no bias when null. */
    public static SDVariable conv(Net net, String group, String name, SDVariable x, int k, int s, int p,
                                  Supplier<INDArray> weight, Supplier<INDArray> bias) {
        SDVariable w = net.param(group, name + "_w", weight);
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(s).sW(s).pH(p).pW(p).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
        if (bias != null) {
            return net.sd().cnn().conv2d(x, w, net.param(group, name + "_b", bias), cfg);
        }
        return net.sd().cnn().conv2d(x, w, cfg);
    }

    /**
     * Transposed convolution, kernel k×k, stride s, padding p: output side = s·(in − 1) + k − 2p
     * (k4 s2 p1 doubles it). Weights (k, k, out, in), ND4J's layout.
     */
    public static SDVariable deconv(Net net, String group, String name, SDVariable x, int in, int out,
                                    int k, int s, int p, double std, boolean bias) {
        SDVariable w = net.param(group, name + "_w", () -> net.init().normal(std, k, k, out, in));
        DeConv2DConfig cfg = DeConv2DConfig.builder().kH(k).kW(k).sH(s).sW(s).pH(p).pW(p).dH(1).dW(1)
                .isSameMode(false).dataFormat("NCHW").build();
        if (bias) {
            SDVariable b = net.param(group, name + "_b", () -> Init.zeros(out));
            return net.sd().cnn().deconv2d(x, w, b, cfg);
        }
        return net.sd().cnn().deconv2d(x, w, cfg);
    }

    public static SDVariable leakyRelu(Net net, SDVariable x, double slope) {
        return net.sd().nn().leakyRelu(x, slope);
    }

    public static SDVariable relu(Net net, SDVariable x) {
        return net.sd().nn().relu(x, 0);
    }
}
