package org.atelier.bench;

import java.util.Map;
import org.atelier.models.Engine;
import org.atelier.models.common.Init;
import org.atelier.models.common.Net;
import org.atelier.models.common.ParameterStore;
import org.atelier.models.diffusion.GroupNorm;
import org.atelier.models.fast.GroupNormAct;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A single-layer figure: GroupNorm (8 groups) + SiLU, forward and backward, on the largest
 * activation of UNet-28's up path at batch 64 — (64, 64, 28, 28), the gradient of a fixed upstream
 * tensor. The fast engine runs {@link GroupNormAct} on the same values channels-last; SameDiff the
 * UNet's composed form (with its training-graph products) and its autodiff.
 */
final class GroupNormSiluCase implements BenchCase {
    static final int CHANNELS = 64;
    static final int GROUPS = 8;

    @Override
    public String id() {
        return "gn_silu";
    }

    @Override
    public String title(BenchSettings s) {
        int side = s.unet().spec().side();
        return "GroupNorm+SiLU forward and backward, (" + s.batch() + ", " + CHANNELS + ", " + side + ", " + side + "), "
                + s.engine().id() + " engine";
    }

    @Override
    public Workload prepare(BenchSettings s) {
        int n = s.batch();
        int side = s.unet().spec().side();
        // dup: the fast layer reads dense arrays of its own, not reshaped views
        INDArray x = UNetModels.images(DeterministicData.GN_INPUT, n * CHANNELS, side).reshape(n, CHANNELS, side, side).dup();
        INDArray gy = UNetModels.images(DeterministicData.GN_GRADIENT, n * CHANNELS, side).reshape(n, CHANNELS, side, side)
                .dup();
        ParameterStore store = new ParameterStore();
        Net net = new Net(store, new Init(1), true);
        SameDiff sd = net.sd();
        SDVariable xv = net.placeholder("x", -1, CHANNELS, side, side);
        SDVariable y = sd.nn().swish(GroupNorm.apply(net, "gn", xv, CHANNELS, GROUPS, side));
        sd.setLossVariables(y.mul(sd.constant("gy", gy)).sum());
        INDArray gamma = store.parameters().get("gn_gamma");
        INDArray beta = store.parameters().get("gn_beta");
        if (s.engine() == Engine.SAMEDIFF) {
            return () -> sd.calculateGradients(Map.of("x", x), "x", "gn_gamma", "gn_beta");
        }
        GroupNormAct layer = new GroupNormAct(gamma, beta, gamma.like(), beta.like(), GROUPS, true, n, CHANNELS, side);
        // the fast layer works channels-last (N, H, W, C), as the fast UNet holds its activations
        INDArray xLast = x.permute(0, 2, 3, 1).dup('c');
        INDArray gyLast = gy.permute(0, 2, 3, 1).dup('c');
        return () -> {
            layer.forward(xLast, null);
            layer.backward(gyLast);
        };
    }
}
