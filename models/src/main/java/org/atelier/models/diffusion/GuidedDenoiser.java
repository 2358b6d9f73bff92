package org.atelier.models.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Classifier-free guidance (Ho and Salimans 2021) around a conditional denoiser:
 * ε̂ = ε_u + s·(ε_c − ε_u), with ε_u the output for the null condition. The two outputs come
 * from one forward pass over the batch stacked twice. s = 1 asks the network once, with the
 * condition; s = 0 once, with the null condition. See {@link SamplingOptions} for the convention.
 */
public record GuidedDenoiser(Denoiser base, Condition nullCondition, double scale) implements Denoiser {
    @Override
    public INDArray predict(INDArray x, int t, List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return base.predict(x, t, conditions);
        }
        int n = conditions.size();
        List<Condition> unconditional = java.util.Collections.nCopies(n, nullCondition);
        if (scale == 0) {
            return base.predict(x, t, unconditional);
        }
        if (scale == 1 || conditions.stream().allMatch(nullCondition::equals)) {
            return base.predict(x, t, conditions);
        }
        List<Condition> both = new ArrayList<>(conditions);
        both.addAll(unconditional);
        INDArray out = base.predict(Nd4j.concat(0, x, x), t, both);
        INDArray cond = out.get(NDArrayIndex.interval(0, n), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
        INDArray uncond = out.get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
        return uncond.add(cond.sub(uncond).muli(scale));
    }
}
