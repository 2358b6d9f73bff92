package org.atelier.models.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * z = op(x)·op(y) into a preallocated z through ND4J's native {@code matmul} (BLAS; batched over
 * the leading axis for rank 3), op = transpose where asked. The op object is built once and
 * reused, so a call allocates nothing.
 */
final class MatMul {
    private final DynamicCustomOp op;

    MatMul(INDArray x, INDArray y, INDArray z, boolean transX, boolean transY) {
        this.op = DynamicCustomOp.builder("matmul").addInputs(x, y).addOutputs(z)
                .addIntegerArguments(transX ? 1 : 0, transY ? 1 : 0, 0).build();
    }

    void run() {
        Nd4j.exec(op);
    }
}
