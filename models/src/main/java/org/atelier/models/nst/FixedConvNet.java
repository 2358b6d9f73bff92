package org.atelier.models.nst;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A feature net made of 'same'-padded convolutions each followed by ReLU, and 2 × 2 average
 * pools, after a per-channel affine map of the input. Both the random multi-scale net and VGG
 * are this shape. Average rather than max pooling: Gatys et al. (2016, section 2) report it
 * gives smoother gradients and slightly better images.
 */
public final class FixedConvNet implements FeatureNet {
    /** One stage of the net. */
    public sealed interface Stage permits Conv, Pool {
    }

    /**
     * A k × k convolution (stride 1, zero padding k/2) with bias, then ReLU; its output is the layer {@code name}.
     *
     * @param weight (k, k, in, out) float, ND4J's layout
     * @param bias   (out) float
     */
    public record Conv(String name, INDArray weight, INDArray bias) implements Stage {
        public Conv {
            if (weight.rank() != 4 || weight.size(0) != weight.size(1) || weight.size(0) % 2 == 0) {
                throw new IllegalArgumentException(name + ": weight must be (k, k, in, out) with odd k, got "
                        + java.util.Arrays.toString(weight.shape()));
            }
            if (bias.length() != weight.size(3)) {
                throw new IllegalArgumentException(name + ": bias has " + bias.length() + " values for "
                        + weight.size(3) + " filters");
            }
        }

        int kernel() {
            return (int) weight.size(0);
        }
    }

    /** A 2 × 2 average pool with stride 2 (odd sides round down). */
    public record Pool() implements Stage {
    }

    private final String id;
    private final List<Stage> stages;
    private final INDArray inputScale;
    private final INDArray inputShift;
    private final List<String> layers;
    private final String sha256;

    /**
     * @param inputScale per-channel a, and {@code inputShift} per-channel b, of the map x ↦ a·x + b applied
     *                   to the [-1, 1] image before the first stage (VGG's ImageNet normalisation; identity for
     *                   the random net)
     */
    public FixedConvNet(String id, List<Stage> stages, double[] inputScale, double[] inputShift) {
        this.id = id;
        this.stages = List.copyOf(stages);
        this.inputScale = Nd4j.create(inputScale, new long[] {1, 3, 1, 1}, DataType.FLOAT);
        this.inputShift = Nd4j.create(inputShift, new long[] {1, 3, 1, 1}, DataType.FLOAT);
        List<String> names = new ArrayList<>();
        long channels = 3;
        for (Stage s : this.stages) {
            if (s instanceof Conv c) {
                if (c.weight().size(2) != channels) {
                    throw new IllegalArgumentException(c.name() + " expects " + c.weight().size(2)
                            + " input channels but the previous layer gives " + channels);
                }
                channels = c.weight().size(3);
                names.add(c.name());
            }
        }
        this.layers = List.copyOf(names);
        this.sha256 = digest();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public List<String> layers() {
        return layers;
    }

    /** The stages, in order (weights are the live arrays: do not modify them). */
    public List<Stage> stages() {
        return stages;
    }

    @Override
    public long[] shape(String layer, long height, long width) {
        checkLayer(layer);
        long h = height;
        long w = width;
        for (Stage s : stages) {
            if (s instanceof Conv c) {
                if (c.name().equals(layer)) {
                    return new long[] {c.weight().size(3), h, w};
                }
            } else {
                h /= 2;
                w /= 2;
            }
        }
        throw new IllegalStateException("unreachable: " + layer);
    }

    @Override
    public Map<String, SDVariable> apply(SameDiff sd, SDVariable image, Set<String> wanted) {
        wanted.forEach(this::checkLayer);
        DataType dt = image.dataType();
        SDVariable x = image.mul(constant(sd, "fn_in_scale", inputScale, dt)).add(constant(sd, "fn_in_shift", inputShift, dt));
        Map<String, SDVariable> out = new LinkedHashMap<>();
        for (Stage s : stages) {
            if (out.size() == wanted.size()) {
                break;
            }
            if (s instanceof Conv c) {
                int p = c.kernel() / 2;
                Conv2DConfig cfg = Conv2DConfig.builder().kH(c.kernel()).kW(c.kernel()).sH(1).sW(1).pH(p).pW(p)
                        .dH(1).dW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
                SDVariable w = constant(sd, "fn_" + c.name() + "_w", c.weight(), dt);
                SDVariable b = constant(sd, "fn_" + c.name() + "_b", c.bias(), dt);
                x = sd.nn().relu(sd.cnn().conv2d(x, w, b, cfg), 0);
                if (wanted.contains(c.name())) {
                    out.put(c.name(), x);
                }
            } else {
                x = sd.cnn().avgPooling2d(x, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).pH(0).pW(0)
                        .dH(1).dW(1).type(Pooling2D.Pooling2DType.AVG).paddingMode(PaddingMode.VALID)
                        .isNHWC(false).build());
            }
        }
        return out;
    }

    /** The graph's constant {@code name}, created from {@code value} (cast to {@code dt}) on first use. */
    private static SDVariable constant(SameDiff sd, String name, INDArray value, DataType dt) {
        if (sd.hasVariable(name)) {
            return sd.getVariable(name);
        }
        return sd.constant(name, value.dataType() == dt ? value : value.castTo(dt));
    }

    private String digest() {
        MessageDigest md = org.atelier.core.io.Hashing.sha256();
        for (INDArray a : List.of(inputScale, inputShift)) {
            update(md, a);
        }
        for (Stage s : stages) {
            if (s instanceof Conv c) {
                md.update(c.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                update(md, c.weight());
                update(md, c.bias());
            } else {
                md.update((byte) 'P');
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, INDArray a) {
        float[] f = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
        ByteBuffer buf = ByteBuffer.allocate(f.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : f) {
            buf.putFloat(v);
        }
        md.update(buf.array());
        for (long d : a.shape()) {
            md.update(ByteBuffer.allocate(8).putLong(d).array());
        }
    }
}
