package org.atelier.models.gan;

import org.atelier.models.common.BatchNorm;
import org.atelier.models.common.Layers;
import org.atelier.models.common.Net;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The context-encoder generator (Pathak et al. 2016), sized for 28/32-pixel images: an
 * encoder of strided convolutions to side/4, two 3×3 bottleneck convolutions (a
 * convolutional stand-in for the paper's channel-wise fully connected layer, which at this
 * size is reached by the bottleneck's receptive field instead), and a decoder of transposed
 * convolutions back to full size. Input: the masked image and the mask, (N, C + 1, H, W).
 */
final class InpaintNets {
    private InpaintNets() {
    }

    static SDVariable generator(Net net, int channels, int side, SDVariable input) {
        long q = (long) (side / 4) * (side / 4);
        long hf = (long) (side / 2) * (side / 2);
        String g = GanNets.G;
        double std = GanNets.STD;
        SDVariable h = Layers.conv(net, g, "g_enc0", input, channels + 1, 64, 4, 2, 1, std, true);
        h = Layers.leakyRelu(net, h, GanNets.LEAK);
        h = Layers.conv(net, g, "g_enc1", h, 64, 128, 4, 2, 1, std, false);
        h = BatchNorm.apply(net, g, "g_bn_enc1", h, 128, 4, q);
        h = Layers.leakyRelu(net, h, GanNets.LEAK);
        h = Layers.conv(net, g, "g_mid0", h, 128, 128, 3, 1, 1, std, false);
        h = BatchNorm.apply(net, g, "g_bn_mid0", h, 128, 4, q);
        h = Layers.leakyRelu(net, h, GanNets.LEAK);
        h = Layers.conv(net, g, "g_mid1", h, 128, 128, 3, 1, 1, std, false);
        h = BatchNorm.apply(net, g, "g_bn_mid1", h, 128, 4, q);
        h = Layers.leakyRelu(net, h, GanNets.LEAK);
        h = Layers.deconv(net, g, "g_dec0", h, 128, 64, 4, 2, 1, std, false);
        h = BatchNorm.apply(net, g, "g_bn_dec0", h, 64, 4, hf);
        h = Layers.relu(net, h);
        h = Layers.deconv(net, g, "g_out", h, 64, channels, 4, 2, 1, std, true);
        return net.sd().nn().tanh(h);
    }
}
