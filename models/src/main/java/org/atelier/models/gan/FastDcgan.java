package org.atelier.models.gan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.models.fast.BatchNormAct;
import org.atelier.models.fast.Conv;
import org.atelier.models.fast.Deconv;
import org.atelier.models.fast.Dense;
import org.atelier.models.fast.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DCGAN of {@link GanNets} (batch-normed discriminator, no condition) with explicit forward and
 * backward passes outside SameDiff's executor — the fast engine for {@link GanFamily#DCGAN}: the same
 * layers over the very parameter arrays the SameDiff graphs hold (looked up by name), each layer's
 * activations and gradients in arrays allocated once for the batch size. Transposed and strided
 * convolutions and the dense layers are ND4J's native ops; batch norm with its activation, leaky ReLU,
 * tanh's gradient and the loss are hand-written loops ({@code org.atelier.models.fast}). Activations
 * are channels-last inside, as in {@code FastUNet}; images and D's flattened features keep the SameDiff
 * graphs' (N, C, H, W) order. FastDcganTest holds it to SameDiff's autodiff of the same graphs.
 *
 * <p>Batch norm runs in training mode (batch statistics), as in the training graphs; sampling in
 * inference mode stays with the SameDiff graph.
 */
final class FastDcgan {
    private final GanArch arch;
    private final int channels;
    private final int zDim;
    private final Map<String, INDArray> params;
    /** Gradients handed to the optimiser: D's summed over its real and fake passes, G's through D. */
    private final Map<String, INDArray> gGrads = new LinkedHashMap<>();
    private final Map<String, INDArray> dGrads = new LinkedHashMap<>();
    /** What D's layers write on each backward pass (accumulated into dGrads in D's step, dropped in G's). */
    private final Map<String, INDArray> dPass = new LinkedHashMap<>();
    private Generator g;
    private Discriminator d;

    /** @param params every parameter of G and D by name, used in place */
    FastDcgan(GanArch arch, int channels, int zDim, Map<String, INDArray> params) {
        this.arch = arch;
        this.channels = channels;
        this.zDim = zDim;
        this.params = params;
        params.forEach((name, a) -> {
            if (name.startsWith("g_")) {
                gGrads.put(name, a.ulike());
            } else if (name.startsWith("d_")) {
                dGrads.put(name, a.ulike());
                dPass.put(name, a.ulike());
            }
        });
    }

    /** G(z) with batch statistics, (N, C, side, side); an array of this object's, overwritten by the next pass. */
    INDArray generate(INDArray z) {
        forBatch(z.size(0));
        return g.forward(z);
    }

    /**
     * D's loss on a real and a fake batch, bce(D(real), 1) + bce(D(fake), 0), each batch normalised by its
     * own statistics as in the SameDiff graph; D's gradient (the two passes' sum) goes to {@link #discriminatorGradients}.
     */
    double discriminatorLoss(INDArray real, INDArray fake) {
        forBatch(real.size(0));
        Discriminator dn = d;
        double loss = 0;
        for (int pass = 0; pass < 2; pass++) {
            boolean isReal = pass == 0;
            INDArray logits = dn.forward(isReal ? real : fake);
            loss += Kernels.bceWithLogits(logits, isReal, dn.gLogit);
            dn.backward();
            for (Map.Entry<String, INDArray> e : dPass.entrySet()) {
                INDArray sum = dGrads.get(e.getKey());
                if (isReal) {
                    sum.assign(e.getValue());
                } else {
                    sum.addi(e.getValue());
                }
            }
        }
        return loss;
    }

    /**
     * G's loss bce(D(G(z)), 1) and its gradient (through D, whose own gradient is dropped) in
     * {@link #generatorGradients}; G's batch statistics stay in {@link #generatorNorms} for the running averages.
     */
    double generatorLoss(INDArray z) {
        forBatch(z.size(0));
        INDArray logits = d.forward(g.forward(z));
        double loss = Kernels.bceWithLogits(logits, true, d.gLogit);
        g.backward(d.backward());
        return loss;
    }

    Map<String, INDArray> generatorGradients() {
        return gGrads;
    }

    Map<String, INDArray> discriminatorGradients() {
        return dGrads;
    }

    /** G's batch norms by their names in the SameDiff graph (g_bn0, g_bn1, …), as the last pass left them. */
    Map<String, BatchNormAct> generatorNorms() {
        return g.norms;
    }

    /** Builds the layers for batch size n, or keeps them if they are for n already. */
    private void forBatch(long n) {
        if (g == null || g.n != n) {
            g = new Generator(n);
            d = new Discriminator(n);
        }
    }

    private INDArray p(String name) {
        INDArray a = params.get(name);
        if (a == null) {
            throw new IllegalStateException("the DCGAN has no parameter " + name);
        }
        return a;
    }

    private BatchNormAct norm(String name, Map<String, INDArray> grads, double slope) {
        return new BatchNormAct(p(name + "_gamma"), p(name + "_beta"), grads.get(name + "_gamma"),
                grads.get(name + "_beta"), slope);
    }

    /** G: z → Linear → BN+ReLU → (w₀, b, b) → [ConvT k4 s2 p1 → BN+ReLU]* → ConvT k4 s2 p1 + bias → tanh. */
    private final class Generator {
        final long n;
        final INDArray z;
        final INDArray gFc;      // the linear layer's output gradient (N, w₀·b²), in the graph's (C, H, W) order
        final Dense fc;
        final BatchNormAct bn0;
        final INDArray first;    // bn0's output, channels-last (N, b, b, w₀)
        final INDArray gFirst;   // its gradient, in the graph's order (N, w₀·b²)
        final List<Deconv> ups = new ArrayList<>();
        final List<BatchNormAct> upNorms = new ArrayList<>();
        final List<INDArray> gUps = new ArrayList<>(); // each upsampling layer's output gradient
        final Deconv out;
        final INDArray image;    // (N, C, side, side)
        final INDArray gOut;     // out's output gradient, channels-last
        final Map<String, BatchNormAct> norms = new LinkedHashMap<>();

        Generator(long n) {
            this.n = n;
            int[] w = arch.generatorWidths();
            int side = arch.baseSide();
            INDArray fcW = p("g_fc_w");
            z = Nd4j.create(fcW.dataType(), n, zDim);
            gFc = Nd4j.create(fcW.dataType(), n, (long) w[0] * side * side);
            gFirst = gFc.ulike();
            fc = new Dense(z, fcW, null, gGrads.get("g_fc_w"), null, gFc);
            bn0 = norm("g_bn0", gGrads, 0);
            norms.put("g_bn0", bn0);
            first = Nd4j.create(fcW.dataType(), n, side, side, w[0]);
            for (int i = 1; i < w.length; i++) {
                Deconv up = new Deconv(p("g_up" + i + "_w"), null, gGrads.get("g_up" + i + "_w"), null, 2, 1, n, side);
                ups.add(up);
                gUps.add(up.output().ulike());
                BatchNormAct bn = norm("g_bn" + i, gGrads, 0);
                upNorms.add(bn);
                norms.put("g_bn" + i, bn);
                side *= 2;
            }
            out = new Deconv(p("g_out_w"), p("g_out_b"), gGrads.get("g_out_w"), gGrads.get("g_out_b"), 2, 1, n, side);
            image = Nd4j.create(fcW.dataType(), n, channels, arch.side(), arch.side());
            gOut = out.output().ulike();
        }

        INDArray forward(INDArray zIn) {
            z.assign(zIn);
            INDArray h = bn0.forward(fc.forward());
            first.assign(h.reshape(first.size(0), first.size(3), first.size(1), first.size(2)).permute(0, 2, 3, 1));
            h = first;
            for (int i = 0; i < ups.size(); i++) {
                h = upNorms.get(i).forward(ups.get(i).forward(h));
            }
            INDArray y = out.forward(h);
            Nd4j.exec(new Tanh(y, y));
            image.assign(y.permute(0, 3, 1, 2));
            return image;
        }

        /** Backward from the gradient of the channels-last image (N, side, side, C); writes G's gradients. */
        void backward(INDArray gImage) {
            Kernels.tanhBackward(out.output(), gImage, gOut);
            INDArray gx = out.backward(gOut);
            for (int i = ups.size() - 1; i >= 0; i--) {
                upNorms.get(i).backward(gx, gUps.get(i));
                gx = ups.get(i).backward(gUps.get(i));
            }
            gFirst.reshape(first.size(0), first.size(3), first.size(1), first.size(2)).assign(gx.permute(0, 3, 1, 2));
            bn0.backward(gFirst, gFc);
            fc.backward();
        }
    }

    /** D: Conv k4 s2 p1 + bias → LeakyReLU → [Conv k4 s2 p1 → BN+LeakyReLU]* → flatten (C, H, W) → Linear(1). */
    private final class Discriminator {
        final INDArray x;          // the images, channels-last
        final List<Conv> convs = new ArrayList<>();
        final List<BatchNormAct> norms = new ArrayList<>(); // index i − 1 for convs[i]
        final List<INDArray> gConv = new ArrayList<>();     // each conv's output gradient (none for the first:
                                                            // its leaky ReLU's gradient is taken in place)
        final INDArray features;   // (N, F) in the graph's (C, H, W) order
        final Dense fc;
        final INDArray gLogit;
        final INDArray gFeatures;  // channels-last, the last norm's output gradient

        Discriminator(long n) {
            int[] w = arch.discriminatorWidths();
            int side = arch.side();
            INDArray w0 = p("d_conv0_w");
            x = Nd4j.create(w0.dataType(), n, side, side, channels);
            convs.add(new Conv(w0, p("d_conv0_b"), dPass.get("d_conv0_w"), dPass.get("d_conv0_b"), 2, 1, n, side));
            side /= 2;
            for (int i = 1; i < w.length; i++) {
                String name = "d_conv" + i + "_w";
                convs.add(new Conv(p(name), null, dPass.get(name), null, 2, 1, n, side));
                norms.add(norm("d_bn" + i, dPass, GanNets.LEAK));
                side /= 2;
            }
            gConv.add(null);
            for (int i = 1; i < convs.size(); i++) {
                gConv.add(convs.get(i).output().ulike());
            }
            int f = GanNets.featureCount(arch);
            features = Nd4j.create(w0.dataType(), n, f);
            gLogit = Nd4j.create(w0.dataType(), n, 1);
            fc = new Dense(features, p("d_fc_w"), p("d_fc_b"), dPass.get("d_fc_w"), dPass.get("d_fc_b"), gLogit);
            gFeatures = convs.get(convs.size() - 1).output().ulike();
        }

        /** The logits (N, 1) of images (N, C, side, side). */
        INDArray forward(INDArray images) {
            x.assign(images.permute(0, 2, 3, 1));
            INDArray h = convs.get(0).forward(x);
            Kernels.leakyReluInPlace(h, GanNets.LEAK);
            for (int i = 1; i < convs.size(); i++) {
                h = norms.get(i - 1).forward(convs.get(i).forward(h));
            }
            long n = h.size(0);
            features.reshape(n, h.size(3), h.size(1), h.size(2)).assign(h.permute(0, 3, 1, 2));
            return fc.forward();
        }

        /** From the logits' gradient in gLogit: D's parameters' gradients into dPass; returns the images' (channels-last). */
        INDArray backward() {
            INDArray gf = fc.backward();
            gFeatures.assign(gf.reshape(gFeatures.size(0), gFeatures.size(3), gFeatures.size(1), gFeatures.size(2))
                    .permute(0, 2, 3, 1));
            INDArray gy = gFeatures;
            for (int i = convs.size() - 1; i >= 1; i--) {
                norms.get(i - 1).backward(gy, gConv.get(i));
                gy = convs.get(i).backward(gConv.get(i));
            }
            Kernels.leakyReluBackwardInPlace(convs.get(0).output(), gy, GanNets.LEAK);
            return convs.get(0).backward(gy);
        }
    }
}
