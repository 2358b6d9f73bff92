package org.atelier.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.models.Batch;
import org.atelier.models.Engine;
import org.atelier.models.Relative;
import org.atelier.models.common.Init;
import org.atelier.models.common.Net;
import org.atelier.models.common.ParameterStore;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fast engine against its oracle, SameDiff's autodiff of the same {@link UNet}: output, loss and
 * every parameter's gradient, on parameters drawn away from their initial values (at init the
 * output conv is zero and most gradients vanish, which would hide errors).
 */
class FastUNetTest {
    /** Three levels (two skip projections, a strided conv, upsampling), attention, a class condition. */
    private static final UNetSpec TINY = new UNetSpec(8, List.of(4, 8, 8), 2, 8, true);
    private static final int COND_WIDTH = 3;
    /**
     * The key projection's bias shifts every key's score for a query by the same amount, which the
     * softmax over keys ignores: its exact gradient is zero.
     */
    private static final String ZERO_GRADIENT = "mid_attn_k_b";

    @Test
    void float64GradientsEqualSameDiffsToRoundoff() {
        Oracle o = new Oracle(TINY, 2, COND_WIDTH, 3, DataType.DOUBLE, 11);
        double worst = o.compare();
        assertTrue(worst < 1e-8, "worst relative gradient difference " + worst);
    }

    @Test
    void float32GradientsAtFullSizeEqualSameDiffs() {
        Oracle o = new Oracle(UNetArch.UNET28.spec(), 1, 0, 2, DataType.FLOAT, 12);
        double worst = o.compare();
        assertTrue(worst < 1e-4, "worst relative gradient difference " + worst);
    }

    /**
     * The same class-conditional model trained 20 steps (Adam, random t, ε and condition dropout from the
     * same seeds) under each engine: the loss trajectories agree to float32 round-off. Then the
     * checkpoint question, both ways: each trained model's parameters loaded into a fresh model of
     * the other engine predict what the trained model predicts.
     */
    @Test
    void lossTrajectoryOver20StepsEqualsSameDiffs() {
        ConditionSpace space = new ConditionSpace(List.of(new ConditionSlot("class", List.of("a", "b", "c"))));
        DiffusionConfig base = DiffusionConfig.of(UNetArch.TINY8, ConditioningKind.CLASS, List.of());
        double[][] losses = new double[2][20];
        Engine[] engines = {Engine.SAMEDIFF, Engine.FAST};
        DiffusionModel[] trained = new DiffusionModel[2];
        for (int e = 0; e < 2; e++) {
            DiffusionModel m = new DiffusionModel(base.withEngine(engines[e]), 1, space, 7);
            trained[e] = m;
            TestContext ctx = new TestContext(m.parameters(), 0.01);
            Batch batch = DiffusionModelTest.squares(6, 8, 1);
            for (int s = 0; s < 20; s++) {
                losses[e][s] = m.step(batch, ctx.at(s)).get("loss");
            }
        }
        double worst = 0;
        for (int s = 0; s < 20; s++) {
            assertEquals(losses[0][s], losses[1][s], 1e-4 * losses[0][s], "loss at step " + s);
            worst = Math.max(worst, Math.abs(losses[1][s] / losses[0][s] - 1));
        }
        System.out.printf("fast vs SameDiff, 20 training steps: losses %.4f → %.4f, worst relative difference %.3g%n",
                losses[0][0], losses[0][19], worst);
        assertTrue(losses[1][19] < losses[1][0], "the loss did not fall: " + java.util.Arrays.toString(losses[1]));
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 8, 8).muli(2).subi(1);
        List<Condition> cs = List.of(space.single(0, 0), space.single(0, 2), space.nullCondition());
        for (int e = 0; e < 2; e++) {
            DiffusionModel other = new DiffusionModel(base.withEngine(engines[1 - e]), 1, space, 99);
            other.parameters().assign(trained[e].parameters().parameters());
            INDArray expected = trained[e].predict(x, 300, cs);
            double d = Relative.difference(other.predict(x, 300, cs), expected);
            assertTrue(d < 1e-5, engines[e].id() + " parameters under " + engines[1 - e].id() + ": relative difference " + d);
        }
    }

    /** {@link UNet} and the ε-MSE loss over placeholders of one data type, as DiffusionModel builds them. */
    private static final class UNetGraph {
        final SameDiff sd;
        final String loss;
        final String output;
        final SDVariable cond;

        UNetGraph(ParameterStore store, UNetSpec spec, int channels, int condWidth, DataType dt, long seed) {
            Net net = new Net(store, new Init(seed), true);
            sd = net.sd();
            int side = spec.side();
            SDVariable x = sd.placeHolder("x", dt, -1, channels, side, side);
            SDVariable temb = sd.placeHolder("temb", dt, -1, spec.timeWidth());
            cond = condWidth == 0 ? null : sd.placeHolder("cond", dt, -1, condWidth);
            SDVariable out = UNet.build(net, spec, channels, x, temb, cond, condWidth, 1);
            SDVariable target = sd.placeHolder("target", dt, -1, channels, side, side);
            SDVariable mse = sd.math().square(out.sub(target)).mean();
            loss = mse.name();
            output = out.name();
        }
    }

    /** SameDiff's UNet and loss over placeholders, with its parameters randomised, and the same inputs for both. */
    private static final class Oracle {
        final UNetSpec spec;
        final SameDiff sd;
        final String loss;
        final String output;
        final Map<String, INDArray> inputs = new LinkedHashMap<>();
        final List<String> names;
        final FastUNet fast;

        Oracle(UNetSpec spec, int channels, int condWidth, int n, DataType dt, long seed) {
            this.spec = spec;
            // the graph is built once in float32 to create the parameters, then (for another type) again
            // over a store that already holds them converted: SameDiff then builds the same ops in that type
            // the graph is built in float32 to create the parameters; for another type it is built again over a
            // store that already holds them converted, and SameDiff then builds the same ops in that type
            ParameterStore store = new ParameterStore();
            UNetGraph g = new UNetGraph(store, spec, channels, condWidth, DataType.FLOAT, seed);
            Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed + 1);
            names = store.names(UNet.GROUP);
            ParameterStore typed = dt == DataType.FLOAT ? store : new ParameterStore();
            for (String name : names) {
                INDArray p = store.parameters().get(name);
                randomise(name, p, r);
                if (typed != store) {
                    typed.param(UNet.GROUP, name, () -> p.castTo(dt));
                }
            }
            if (typed != store) {
                g = new UNetGraph(typed, spec, channels, condWidth, dt, seed);
            }
            sd = g.sd;
            loss = g.loss;
            output = g.output;
            SDVariable cond = g.cond;
            int side = spec.side();
            int[] t = new int[n];
            for (int i = 0; i < n; i++) {
                t[i] = 37 + 211 * i;
            }
            inputs.put("x", Nd4j.randn(r, new long[] {n, channels, side, side}).castTo(dt));
            inputs.put("temb", TimeEmbedding.sinusoidal(t, spec.timeWidth()).castTo(dt));
            if (cond != null) {
                INDArray c = Nd4j.zeros(dt, n, condWidth);
                for (int i = 0; i < n; i++) {
                    c.putScalar(i, i % condWidth, 1.0);
                }
                inputs.put("cond", c);
            }
            inputs.put("target", Nd4j.randn(r, new long[] {n, channels, side, side}).castTo(dt));
            Map<String, INDArray> params = new LinkedHashMap<>();
            names.forEach(p -> params.put(p, typed.parameters().get(p)));
            fast = new FastUNet(spec, channels, cond != null, params);
        }

        /** Worst relative difference (‖a − b‖ / ‖b‖) over the output and every parameter's gradient; checks the loss. */
        double compare() {
            OutAndGrad og = sd.calculateGradientsAndOutputs(inputs, List.of(output, loss), names);
            Map<String, INDArray> sdGrads = og.getGradients();
            INDArray sdOut = og.getOutputs().get(output);
            double sdLoss = og.getOutputs().get(loss).getDouble(0);
            INDArray fastOut = fast.forward(inputs.get("x"), inputs.get("temb"), inputs.get("cond")).dup();
            double fastLoss = fast.lossAndGradients(inputs.get("x"), inputs.get("temb"), inputs.get("cond"),
                    inputs.get("target"));
            double worst = Relative.difference(fastOut, sdOut);
            assertEquals(sdLoss, fastLoss, Math.abs(sdLoss) * 1e-6, "loss");
            String worstName = "output";
            double total = 0;
            for (String p : names) {
                total += Math.pow(sdGrads.get(p).norm2Number().doubleValue(), 2);
            }
            for (String p : names) {
                if (p.equals(ZERO_GRADIENT)) {
                    // both sides' values are round-off: compare them to the whole gradient's size instead
                    assertTrue(fast.gradients().get(p).norm2Number().doubleValue() < 1e-5 * Math.sqrt(total), p);
                    continue;
                }
                double d = Relative.difference(fast.gradients().get(p), sdGrads.get(p));
                if (d > worst) {
                    worst = d;
                    worstName = p;
                }
            }
            System.out.printf("fast vs SameDiff, %s %s: worst relative difference %.3g (%s)%n",
                    spec.widths(), fastOut.dataType(), worst, worstName);
            return worst;
        }

        /** Weights N(0, 1/fan_in), biases and shifts N(0, 0.1²), scales 1 + N(0, 0.2²). */
        private static void randomise(String name, INDArray p, Random r) {
            INDArray z = Nd4j.randn(r, p.shape()).castTo(p.dataType());
            if (name.endsWith("_gamma")) {
                p.assign(z.muli(0.2).addi(1));
            } else if (name.endsWith("_b") || name.endsWith("_beta")) {
                p.assign(z.muli(0.1));
            } else {
                long fanIn = p.length() / p.size(p.rank() - 1);
                p.assign(z.muli(1.0 / Math.sqrt(fanIn)));
            }
        }
    }
}
