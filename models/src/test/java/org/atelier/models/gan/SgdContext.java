package org.atelier.models.gan;

import java.util.SplittableRandom;
import org.atelier.models.TestStepContext;
import org.atelier.models.common.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Plain SGD step context for model tests (the real loop lives in the training module). */
class SgdContext extends TestStepContext {
    private final double lr;

    SgdContext(ParameterStore store, double lr, long step) {
        super(store, step, new SplittableRandom(1000 + step));
        this.lr = lr;
    }

    @Override
    protected void apply(String name, INDArray param, INDArray g) {
        param.subi(g.mul(lr));
    }
}
