package org.atelier.evaluation.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.ProjectRoot;
import org.atelier.models.features.FeatureMap;
import org.atelier.models.nst.NstImages;
import org.atelier.models.nst.RandomFeatureNet;
import org.junit.jupiter.api.Test;

/** The judge on the sample photos and paintings at 48 px. */
class StyleJudgeTest {
    private static final int SIZE = 48;
    private static final StyleJudge JUDGE = new StyleJudge(RandomFeatureNet.create(1));

    private static Image read(String name) {
        return NstImages.fit(ImageFiles.read(ProjectRoot.path().resolve("datasets/images").resolve(name)), SIZE);
    }

    @Test
    void theContentUnchangedKeepsAllContentButScoresWorseStyleThanTheStyleItself() {
        Image style = read("style-starry-night.jpg");
        // both cropped to the shape they share, so the painting itself can stand in as a result
        int h = Math.min(style.height(), 32);
        int w = Math.min(style.width(), 48);
        Image content = NstImages.centreCrop(read("content-chelsea.jpg"), h, w);
        List<FeatureMap> styleFeatures = JUDGE.features(style);
        StyleScores unchanged = JUDGE.score(content, content, styleFeatures);
        assertEquals(0.0, unchanged.perceptual(), 1e-12);
        assertEquals(1.0, unchanged.ssim(), 1e-12);
        // the painting, cropped to the photo's shape: its Grams are (almost) the style's own
        Image painting = NstImages.centreCrop(style, h, w);
        StyleScores copied = JUDGE.score(painting, content, styleFeatures);
        assertTrue(copied.styleDistance() < unchanged.styleDistance() / 2,
                copied.styleDistance() + " vs " + unchanged.styleDistance());
        assertTrue(copied.perceptual() > 0.1 && copied.ssim() < 0.5, "the painting does not keep the cat: " + copied);
    }

    @Test
    void styleDistanceToItselfIsZeroAndFeaturesHaveTheFiveScales() {
        Image style = read("style-the-scream.jpg");
        List<FeatureMap> f = JUDGE.features(style);
        assertEquals(StyleJudge.LAYERS, f.stream().map(FeatureMap::name).toList());
        assertEquals(32, f.get(0).channels());
        assertEquals(style.height(), f.get(0).height());
        assertEquals(style.height() / 16, f.get(4).height());
        assertEquals(0.0, JUDGE.score(style, style, f).styleDistance(), 0.0);
    }

    @Test
    void aLargerContentIsCroppedToTheResult() {
        Image content = read("content-coffee.jpg");
        Image smaller = NstImages.centreCrop(content, content.height() - 4, content.width() - 4);
        StyleScores s = JUDGE.score(smaller, content, JUDGE.features(read("style-shipwreck.jpg")));
        assertEquals(1.0, s.ssim(), 1e-12);
    }
}
