package org.atelier.models.nst;

import org.atelier.models.common.Layers;
import org.atelier.models.common.Net;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The feed-forward image transformation network of Johnson, Alahi and Fei-Fei (2016,
 * supplementary material), with instance norm in place of batch norm (Ulyanov et al. 2016) and
 * nearest-neighbour upsampling + convolution in place of fractionally strided convolutions,
 * which avoids checkerboard artefacts (Odena, Dumoulin and Olah 2016). w = width:
 * <pre>
 * 9×9 conv 3→w, IN, ReLU
 * 3×3 conv stride 2 w→2w, IN, ReLU
 * 3×3 conv stride 2 2w→4w, IN, ReLU
 * R × residual block: x + IN(conv(ReLU(IN(conv(x)))))   (3×3, 4w)
 * upsample ×2, 3×3 conv 4w→2w, IN, ReLU
 * upsample ×2, 3×3 conv 2w→w, IN, ReLU
 * 9×9 conv w→3 (weights N(0, 0.01²)), added to the input   → y = x + r
 * </pre>
 * Johnson et al. use w = 32 and R = 5 and end with a scaled tanh; fewer and narrower layers
 * train in reach of a laptop CPU, and the global skip connection (the net predicts the change r
 * to the photo) makes it start at the identity, so the content term is already small at step 0
 * and a short run spends its steps on the style. Callers clamp y to [-1, 1] for display; the
 * loss network sees it unclamped so no gradient is cut off.
 * Sides must be multiples of 4 for the output to have the input's size.
 */
public final class TransformNet {
    public static final String GROUP = "t";

    private TransformNet() {
    }

    /**
     * @param x (N, 3, H, W) in [-1, 1], H and W multiples of 4
     * @return (N, 3, H, W), about [-1, 1] (not clamped)
     */
    public static SDVariable build(Net net, SDVariable x, int width, int resBlocks) {
        int w1 = width;
        int w2 = 2 * width;
        int w4 = 4 * width;
        SDVariable h = block(net, "t_c1", x, 3, w1, 9, 1);
        h = block(net, "t_c2", h, w1, w2, 3, 2);
        h = block(net, "t_c3", h, w2, w4, 3, 2);
        for (int r = 0; r < resBlocks; r++) {
            String n = "t_r" + r;
            SDVariable y = block(net, n + "a", h, w4, w4, 3, 1);
            y = Layers.conv(net, GROUP, n + "b", y, w4, w4, 3, 1, 1, he(3, w4), false);
            h = h.add(InstanceNorm.apply(net, GROUP, n + "b_in", y, w4));
        }
        h = block(net, "t_u1", net.sd().cnn().upsampling2d(h, 2, 2, true), w4, w2, 3, 1);
        h = block(net, "t_u2", net.sd().cnn().upsampling2d(h, 2, 2, true), w2, w1, 3, 1);
        SDVariable residual = Layers.conv(net, GROUP, "t_out", h, w1, 3, 9, 1, 4, 0.01, true);
        return x.add(residual);
    }

    /** conv (no bias: the norm's shift replaces it), instance norm, ReLU. */
    private static SDVariable block(Net net, String name, SDVariable x, int in, int out, int k, int stride) {
        SDVariable y = Layers.conv(net, GROUP, name, x, in, out, k, stride, k / 2, he(k, in), false);
        return Layers.relu(net, InstanceNorm.apply(net, GROUP, name + "_in", y, out));
    }

    /** He et al. (2015) standard deviation for a ReLU layer: √(2 / fan_in). */
    private static double he(int k, int in) {
        return Math.sqrt(2.0 / (k * k * in));
    }
}
