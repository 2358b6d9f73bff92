package org.atelier.models.nst;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

class RandomFeatureNetTest {
    /**
     * The default net's weights, pinned: a change of layout or of how weights are drawn must
     * come with a new {@link RandomFeatureNet#ID_PREFIX}, since results name the net by id.
     */
    static final String DEFAULT_SHA256 = "68be182a16daa8f2b7ff5813d7b6424e52bed85ee4ee0e8934b1b42a02083d05";

    @Test
    void constructionIsDeterministicAndTheIdIsStable() {
        FixedConvNet a = RandomFeatureNet.create(0);
        FixedConvNet b = RandomFeatureNet.create(0);
        assertEquals("random-ms-v1:seed=0", a.id());
        assertEquals(a.sha256(), b.sha256());
        assertEquals(DEFAULT_SHA256, a.sha256());
        assertNotEquals(a.sha256(), RandomFeatureNet.create(1).sha256());
        assertEquals(FeatureNets.open("random").sha256(), a.sha256());
        assertEquals("random-ms-v1:seed=7", FeatureNets.open("random:7").id());
    }

    @Test
    void layersAndShapes() {
        FixedConvNet n = RandomFeatureNet.create(0);
        assertEquals(List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu4_2", "relu5_1"), n.layers());
        assertArrayEquals(new long[] {32, 64, 48}, n.shape("relu1_1", 64, 48));
        assertArrayEquals(new long[] {256, 8, 6}, n.shape("relu4_2", 64, 48));
        assertArrayEquals(new long[] {256, 4, 3}, n.shape("relu5_1", 64, 48));
        // the filters have the He scale √(2 / fan_in)
        FixedConvNet.Conv c = (FixedConvNet.Conv) n.stages().get(2);
        assertEquals(Math.sqrt(2.0 / (9 * 32)), c.weight().stdNumber().doubleValue(), 0.01);
    }

    @Test
    void badSpecsAreUserErrors() {
        assertThrows(InvalidInputException.class, () -> FeatureNets.open("random:x"));
        assertThrows(InvalidInputException.class, () -> FeatureNets.open("vgg19"));
        assertThrows(InvalidInputException.class, () -> FeatureNets.open("/nonexistent/vgg19.npz"));
    }
}
