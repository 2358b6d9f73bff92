package org.atelier.models.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.atelier.core.image.Image;
import org.atelier.models.Batch;
import org.atelier.models.Engine;
import org.atelier.models.Relative;
import org.atelier.models.common.BatchNorm;
import org.atelier.models.common.Init;
import org.atelier.models.common.Losses;
import org.atelier.models.common.Net;
import org.atelier.models.common.ParameterStore;
import org.atelier.models.fast.BatchNormAct;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fast DCGAN step against its oracle, SameDiff's autodiff of the same {@link GanNets} graphs: G's
 * output, both losses, every parameter's gradient (D's summed over its real and fake passes, G's through
 * D) and G's batch statistics, on parameters moved away from their initial values; then 20 training
 * steps of {@link ImageGan} under each engine.
 */
class FastDcganTest {
    private static final int Z = 16;
    /**
     * SGD's step size in the 20-step test: weights move a few per cent of their N(0, 0.02²) scale per
     * step. At 0.05 a step moves them by their whole scale, the training is chaotic, and a 1e-6
     * difference in one step's gradient (float32 round-off between the engines) grows to 1e-2 in the next.
     */
    private static final double LR = 0.002;

    @Test
    void float64GradientsEqualSameDiffsToRoundoff() {
        double worst = new Oracle(GanArch.TINY28, 1, 3, DataType.DOUBLE, 5).compare();
        System.out.printf("float64 tiny28: worst relative difference %.3g%n", worst);
        assertTrue(worst < 1e-8, "worst relative difference " + worst);
    }

    @Test
    void float64ColourImagesAtThreeStagesEqualSameDiffs() {
        double worst = new Oracle(GanArch.DCGAN32, 3, 2, DataType.DOUBLE, 6).compare();
        System.out.printf("float64 dcgan32, 3 channels: worst relative difference %.3g%n", worst);
        assertTrue(worst < 1e-8, "worst relative difference " + worst);
    }

    @Test
    void float32GradientsAtFullSizeEqualSameDiffs() {
        double worst = new Oracle(GanArch.DCGAN28, 1, 16, DataType.FLOAT, 7).compare();
        System.out.printf("float32 dcgan28: worst relative difference %.3g%n", worst);
        assertTrue(worst < 1e-4, "worst relative difference " + worst);
    }

    /**
     * 20 steps (the same draws from the same seeds) under each engine: losses agree to float32 round-off,
     * and so do the trained parameters, G's running statistics and the samples the inference graph draws.
     */
    @Test
    void twentyStepsUnderEachEngineAgree() {
        GanConfig base = GanConfig.dcgan(GanArch.TINY28, Z);
        Engine[] engines = {Engine.SAMEDIFF, Engine.FAST};
        double[][] losses = new double[2][40];
        List<ImageGan> trained = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            ImageGan gan = new ImageGan(base.withEngine(engines[e]), 1, List.of(), 3);
            for (int s = 0; s < 20; s++) {
                Map<String, Double> l = gan.step(ImageGanTest.batch(8, 1, 28, s), new SgdContext(gan.parameters(), LR, s));
                losses[e][2 * s] = l.get("d_loss");
                losses[e][2 * s + 1] = l.get("g_loss");
            }
            trained.add(gan);
        }
        double worst = 0;
        for (int i = 0; i < 40; i++) {
            worst = Math.max(worst, Math.abs(losses[1][i] / losses[0][i] - 1));
            assertEquals(losses[0][i], losses[1][i], 1e-4 * Math.abs(losses[0][i]), (i % 2 == 0 ? "d" : "g") + " loss at step " + i / 2);
        }
        System.out.printf("fast vs SameDiff, 20 DCGAN steps: D loss %.4f → %.4f, worst relative difference %.3g%n",
                losses[0][0], losses[0][38], worst);
        assertTrue(Math.abs(losses[0][0] - losses[0][38]) > 1e-3, "the losses did not move");
        ParameterStore a = trained.get(0).parameters();
        ParameterStore b = trained.get(1).parameters();
        for (String name : a.parameters().keySet()) {
            assertTrue(Relative.difference(b.parameters().get(name), a.parameters().get(name)) < 1e-4, name);
        }
        for (String name : a.buffers().keySet()) {
            if (name.startsWith("g_")) {
                assertTrue(Relative.difference(b.buffers().get(name), a.buffers().get(name)) < 1e-4, name);
            }
        }
        List<Image> sa = trained.get(0).sample(4, OptionalInt.empty(), new SplittableRandom(9));
        List<Image> sb = trained.get(1).sample(4, OptionalInt.empty(), new SplittableRandom(9));
        for (int i = 0; i < 4; i++) {
            float[] pa = sa.get(i).pixels();
            float[] pb = sb.get(i).pixels();
            for (int j = 0; j < pa.length; j++) {
                assertEquals(pa[j], pb[j], 1e-3, "sample " + i + " pixel " + j);
            }
        }
    }

    /** ImageGan's two training graphs (G's step through D; D on a real and a fake batch) over typed placeholders. */
    private static final class Graphs {
        final SameDiff g;
        final String fake;
        final String gLoss;
        final List<BatchNorm.Stats> gStats;
        final SameDiff d;
        final String dLoss;

        Graphs(ParameterStore store, GanArch arch, int channels, DataType dt, long seed) {
            Init init = new Init(seed);
            Net gn = new Net(store, init, true);
            g = gn.sd();
            int side = arch.side();
            SDVariable z = g.placeHolder("z", dt, -1, Z);
            SDVariable f = GanNets.generator(gn, arch, channels, z, Z);
            SDVariable logit = GanNets.discriminator(gn, arch, channels, f, true, null, 0);
            fake = f.name();
            SDVariable gl = Losses.bceWithLogits(g, logit, true);
            g.setLossVariables(gl);
            gLoss = gl.name();
            gStats = gn.batchStats().stream().filter(s -> s.runningMean().startsWith("g_")).toList();
            Net dn = new Net(store, init, true);
            d = dn.sd();
            SDVariable real = d.placeHolder("x_real", dt, -1, channels, side, side);
            SDVariable fk = d.placeHolder("x_fake", dt, -1, channels, side, side);
            SDVariable dReal = GanNets.discriminator(dn, arch, channels, real, true, null, 0);
            SDVariable dFake = GanNets.discriminator(dn, arch, channels, fk, true, null, 0);
            SDVariable dl = Losses.bceWithLogits(d, dReal, true).add(Losses.bceWithLogits(d, dFake, false));
            d.setLossVariables(dl);
            dLoss = dl.name();
        }
    }

    private static final class Oracle {
        final Graphs graphs;
        final ParameterStore store;
        final FastDcgan fast;
        final Map<String, INDArray> inputs = new LinkedHashMap<>();

        Oracle(GanArch arch, int channels, int n, DataType dt, long seed) {
            // built in float32 to create the parameters; for float64 again over a store holding them converted
            ParameterStore f32 = new ParameterStore();
            new Graphs(f32, arch, channels, DataType.FLOAT, seed);
            Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed + 1);
            store = dt == DataType.FLOAT ? f32 : new ParameterStore();
            for (String group : List.of(GanNets.G, GanNets.D)) {
                for (String name : f32.names(group)) {
                    INDArray p = f32.parameters().get(name);
                    // shifts and scales away from 0 and 1, so every term of the gradient counts
                    if (name.endsWith("_beta") || name.endsWith("_b")) {
                        p.addi(Nd4j.randn(r, p.shape()).muli(0.1));
                    } else if (name.endsWith("_gamma")) {
                        p.addi(Nd4j.randn(r, p.shape()).muli(0.2));
                    }
                    if (store != f32) {
                        store.param(group, name, () -> p.castTo(dt));
                    }
                }
            }
            if (store != f32) {
                f32.buffers().forEach((name, a) -> store.buffer(name, () -> a.castTo(dt)));
            }
            graphs = new Graphs(store, arch, channels, dt, seed);
            int side = arch.side();
            inputs.put("z", Nd4j.randn(r, new long[] {n, Z}).castTo(dt));
            inputs.put("x_real", Nd4j.rand(r, new long[] {n, channels, side, side}).muli(2).subi(1).castTo(dt));
            inputs.put("x_fake", Nd4j.rand(r, new long[] {n, channels, side, side}).muli(2).subi(1).castTo(dt));
            fast = new FastDcgan(arch, channels, Z, store.parameters());
        }

        /** Worst relative difference over G's output, both losses' gradients and G's batch statistics. */
        double compare() {
            Map<String, INDArray> gIn = Map.of("z", inputs.get("z"));
            List<String> gOuts = new ArrayList<>(List.of(graphs.fake, graphs.gLoss));
            gOuts.addAll(BatchNorm.outputNames(graphs.gStats));
            OutAndGrad gog = graphs.g.calculateGradientsAndOutputs(gIn, gOuts, store.names(GanNets.G));
            double worst = Relative.difference(fast.generate(inputs.get("z")).dup(), gog.getOutputs().get(graphs.fake));

            double gLoss = fast.generatorLoss(inputs.get("z"));
            assertEquals(gog.getOutputs().get(graphs.gLoss).getDouble(0), gLoss, 1e-6 * Math.abs(gLoss), "G's loss");
            for (String name : store.names(GanNets.G)) {
                worst = Math.max(worst, check(name, fast.generatorGradients().get(name), gog.getGradients().get(name)));
            }
            for (BatchNorm.Stats s : graphs.gStats) {
                BatchNormAct bn = fast.generatorNorms().get(s.runningMean().replace("_rmean", ""));
                worst = Math.max(worst, check(s.runningMean(), Nd4j.createFromArray(bn.batchMean()),
                        gog.getOutputs().get(s.mean().name()).reshape(-1)));
                worst = Math.max(worst, check(s.runningVar(), Nd4j.createFromArray(bn.batchVariance()),
                        gog.getOutputs().get(s.variance().name()).reshape(-1)));
            }

            Map<String, INDArray> dIn = Map.of("x_real", inputs.get("x_real"), "x_fake", inputs.get("x_fake"));
            OutAndGrad dog = graphs.d.calculateGradientsAndOutputs(dIn, List.of(graphs.dLoss), store.names(GanNets.D));
            double dLoss = fast.discriminatorLoss(inputs.get("x_real"), inputs.get("x_fake"));
            assertEquals(dog.getOutputs().get(graphs.dLoss).getDouble(0), dLoss, 1e-6 * Math.abs(dLoss), "D's loss");
            for (String name : store.names(GanNets.D)) {
                worst = Math.max(worst, check(name, fast.discriminatorGradients().get(name), dog.getGradients().get(name)));
            }
            return worst;
        }

        private static double check(String name, INDArray fastValue, INDArray oracle) {
            double d = Relative.difference(fastValue, oracle);
            return d;
        }
    }
}
