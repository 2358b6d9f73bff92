package org.atelier.models.nst;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.atelier.core.errors.CorruptFileException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * VGG-16 or VGG-19 (Simonyan and Zisserman 2015) convolution weights from a local {@code .npz}
 * file holding torchvision's {@code features} state dict, turned into a {@link FixedConvNet}
 * with layers {@code relu1_1 … relu5_3} (VGG-16) or {@code … relu5_4} (VGG-19). Nothing is
 * downloaded: the user writes the file once from weights they already have, e.g.
 * <pre>
 * import numpy, torch, torchvision
 * sd = torchvision.models.vgg19(weights="IMAGENET1K_V1").features.state_dict()
 * # or: sd = torch.load("vgg19-dcbb9e9d.pth")   (keys "features.N.weight" are accepted too)
 * numpy.savez("vgg19.npz", **{k: v.float().numpy() for k, v in sd.items()})
 * </pre>
 *
 * <p>Keys {@code N.weight}/{@code N.bias} or {@code features.N.weight}/{@code features.N.bias}
 * are read, N the index in {@code features}; other keys (the classifier) are ignored. Weights
 * are (out, in, 3, 3) as PyTorch stores them and are permuted to ND4J's (3, 3, in, out); both
 * libraries compute cross-correlation, so no kernel flip is needed. The channel widths are read
 * from the file (the topology — 2, 2, 3, 3, 3 or 2, 2, 4, 4, 4 convolutions per block — is
 * fixed), so small test files of the same topology load too. Inputs are normalised with
 * torchvision's ImageNet mean and standard deviation. Max pools become average pools
 * ({@link FixedConvNet}).
 */
public final class VggWeights {
    /** The VGG variants: convolutions per block. */
    public enum Variant {
        VGG16("vgg16", new int[] {2, 2, 3, 3, 3}),
        VGG19("vgg19", new int[] {2, 2, 4, 4, 4});

        private final String id;
        private final int[] blocks;

        Variant(String id, int[] blocks) {
            this.id = id;
            this.blocks = blocks;
        }

        public String id() {
            return id;
        }

        int convs() {
            return java.util.Arrays.stream(blocks).sum();
        }
    }

    /** torchvision's ImageNet normalisation of [0, 1] RGB. */
    private static final double[] MEAN = {0.485, 0.456, 0.406};
    private static final double[] STD = {0.229, 0.224, 0.225};

    private VggWeights() {
    }

    /**
     * @throws org.atelier.core.errors.InvalidInputException when the file is missing
     * @throws CorruptFileException naming the file and what was expected when it is not such a state dict
     */
    public static FixedConvNet load(Path file) {
        Map<String, INDArray> arrays = Npz.read(file);
        TreeMap<Integer, INDArray[]> convs = new TreeMap<>();
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            String key = e.getKey().startsWith("features.") ? e.getKey().substring("features.".length()) : e.getKey();
            String[] parts = key.split("\\.");
            if (parts.length != 2 || !parts[0].matches("\\d+") || !(parts[1].equals("weight") || parts[1].equals("bias"))) {
                if (key.endsWith("running_mean")) {
                    throw new CorruptFileException(file, "holds batch-norm statistics (" + e.getKey() + "): the vgg*_bn "
                            + "models are not supported; export torchvision's plain vgg16 or vgg19");
                }
                continue; // the classifier and anything else is not needed
            }
            INDArray[] pair = convs.computeIfAbsent(Integer.parseInt(parts[0]), k -> new INDArray[2]);
            pair[parts[1].equals("weight") ? 0 : 1] = e.getValue();
        }
        Variant variant = null;
        for (Variant v : Variant.values()) {
            if (v.convs() == convs.size()) {
                variant = v;
            }
        }
        if (variant == null) {
            throw new CorruptFileException(file, "expected the convolution weights of torchvision's vgg16 (13 layers) or "
                    + "vgg19 (16 layers) features, as keys like 'features.0.weight' and 'features.0.bias'; found "
                    + convs.size() + " layer indices " + convs.keySet());
        }
        List<FixedConvNet.Stage> stages = new ArrayList<>();
        var it = convs.entrySet().iterator();
        long in = 3;
        for (int block = 0; block < variant.blocks.length; block++) {
            if (block > 0) {
                stages.add(new FixedConvNet.Pool());
            }
            for (int k = 0; k < variant.blocks[block]; k++) {
                var e = it.next();
                String name = "relu" + (block + 1) + "_" + (k + 1);
                String key = "features." + e.getKey();
                INDArray w = e.getValue()[0];
                INDArray b = e.getValue()[1];
                if (w == null || b == null) {
                    throw new CorruptFileException(file, key + ": needs both .weight and .bias");
                }
                if (w.rank() != 4 || w.size(2) != 3 || w.size(3) != 3 || w.size(1) != in) {
                    throw new CorruptFileException(file, key + ".weight has shape " + java.util.Arrays.toString(w.shape())
                            + "; expected (out, " + in + ", 3, 3) for " + name + " of " + variant.id());
                }
                if (b.length() != w.size(0)) {
                    throw new CorruptFileException(file, key + ".bias has " + b.length() + " values; expected "
                            + w.size(0) + " (one per filter)");
                }
                stages.add(new FixedConvNet.Conv(name, w.permute(2, 3, 1, 0).dup('c'), b.reshape(w.size(0)).dup()));
                in = w.size(0);
            }
        }
        double[] scale = new double[3];
        double[] shift = new double[3];
        for (int c = 0; c < 3; c++) {
            // x in [-1, 1] → u = (x + 1)/2 → (u − mean)/std = x·0.5/std + (0.5 − mean)/std
            scale[c] = 0.5 / STD[c];
            shift[c] = (0.5 - MEAN[c]) / STD[c];
        }
        return new FixedConvNet(variant.id() + ":" + file.getFileName(), stages, scale, shift);
    }
}
