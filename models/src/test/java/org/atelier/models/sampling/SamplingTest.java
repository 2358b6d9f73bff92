package org.atelier.models.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.image.Image;
import org.atelier.datasets.masks.CenterBoxMaskGenerator;
import org.atelier.datasets.masks.Mask;
import org.atelier.models.diffusion.ConditionSlot;
import org.atelier.models.diffusion.ConditionSpace;
import org.atelier.models.diffusion.ConditioningKind;
import org.atelier.models.diffusion.DiffusionConfig;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.RePaintOverrides;
import org.atelier.models.diffusion.SamplerKind;
import org.atelier.models.diffusion.SamplingOverrides;
import org.atelier.models.diffusion.UNetArch;
import org.atelier.models.gan.GanArch;
import org.atelier.models.gan.GanConfig;
import org.atelier.models.gan.ImageGan;
import org.junit.jupiter.api.Test;

/** Drawing and filling through the library's front: any Sampler, any Inpainter, a request, the model's defaults. */
class SamplingTest {
    /** A random-weight class-conditional ddpm (3 classes, tiny28, T = 20): its samples are noise, its plumbing is real. */
    static DiffusionModel tinyDdpm() {
        DiffusionConfig cfg = new DiffusionConfig(DiffusionConfig.FAMILY, UNetArch.TINY28, null, null, null, null, null, 20,
                null, ConditioningKind.CLASS, null, null, null, 2, null, null);
        return new DiffusionModel(cfg, 1, new ConditionSpace(List.of(new ConditionSlot("class", List.of("a", "b", "c")))), 1);
    }

    @Test
    void aDiffusionModelDrawsEveryClassInTurnAtTheLibraryDefaults() {
        DiffusionModel m = tinyDdpm();
        Samples s = Sampling.draw(m, SampleRequest.of(6, 4).withSampling(new SamplingOverrides(null, 2, null, null, null, null)));
        assertEquals(6, s.images().size());
        assertEquals(3, s.columns(), "one column per class when n is a multiple of the classes");
        assertEquals("every class in turn", s.drawn());
        assertEquals(SamplerKind.DDIM, s.options().sampler());
        assertEquals(3.0, s.options().guidance(), "the default guidance under a condition");
        assertNull(s.trajectory());
        Samples again = Sampling.draw(m, SampleRequest.of(6, 4).withSampling(new SamplingOverrides(null, 2, null, null, null, null)));
        assertEquals(s.images(), again.images(), "same seed, same images");

        Samples b = Sampling.draw(m, SampleRequest.of(2, 4).withCondition("B").withTrajectory(true)
                .withSampling(new SamplingOverrides(null, 2, null, null, null, null)));
        assertEquals("class=b", b.drawn());
        assertNotNull(b.trajectory());
        assertEquals(2, b.trajectory().samples());

        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, s.askedClasses(m.conditions()), "in turn");
        assertArrayEquals(new int[] {1, 1}, b.askedClasses(m.conditions()), "the one class asked");
    }

    @Test
    void samplesDrawnUnderNoClassHaveNoAskedClass() {
        ImageGan gan = new ImageGan(GanConfig.dcgan(GanArch.DCGAN28, 16), 1, List.of(), 7);
        Samples s = Sampling.draw(gan, SampleRequest.of(3, 1));
        assertThrows(IllegalStateException.class, () -> s.askedClasses(List.of("a", "b")));
    }

    @Test
    void settingsOutOfRangeNameTheSetting() {
        DiffusionModel m = tinyDdpm();
        InvalidSettingException steps = assertThrows(InvalidSettingException.class, () -> Sampling.draw(m,
                SampleRequest.of(1, 0).withSampling(new SamplingOverrides(null, 21, null, null, null, null))));
        assertEquals("steps", steps.setting());
        assertTrue(steps.problem().contains("1..20"), steps.getMessage());
        InvalidSettingException cls = assertThrows(InvalidSettingException.class,
                () -> Sampling.draw(m, SampleRequest.of(1, 0).withCondition("hat")));
        assertEquals("class", cls.setting());
        assertTrue(cls.problem().contains("[a, b, c]"), cls.getMessage());
        InvalidSettingException eta = assertThrows(InvalidSettingException.class, () -> Sampling.draw(m,
                SampleRequest.of(1, 0).withSampling(new SamplingOverrides(SamplerKind.DDPM, 2, 0.5, null, null, null))));
        assertEquals("eta", eta.setting());
    }

    @Test
    void aGanTakesAClassAndRefusesSamplingSettings() {
        ImageGan gan = new ImageGan(GanConfig.dcgan(GanArch.DCGAN28, 16), 1, List.of(), 7);
        assertTrue(!Sampling.takesSettings(gan) && Sampling.takesSettings(tinyDdpm()));
        Samples s = Sampling.draw(gan, SampleRequest.of(5, 1));
        assertEquals(5, s.images().size());
        assertEquals(3, s.columns(), "a square grid");
        assertNull(s.options());
        assertThrows(InvalidSettingException.class, () -> Sampling.draw(gan, SampleRequest.of(1, 1).withPrompt("a hat")));
        InvalidSettingException unconditional = assertThrows(InvalidSettingException.class,
                () -> Sampling.draw(gan, SampleRequest.of(1, 1).withCondition("3")));
        assertTrue(unconditional.problem().contains("unconditional"), unconditional.getMessage());
    }

    @Test
    void aFillerKeepsKnownPixelsAndResolvesRePaintDefaults() {
        DiffusionModel m = tinyDdpm();
        Filler plain = Inpainting.filler(m, new FillRequest(null, null, false, new RePaintOverrides(2, 1, 1, null, null), true));
        assertEquals(1.0, plain.options().guidance(), "no condition: plain sampling");
        assertEquals(1.0, plain.options().eta(), "ancestral in the hole by default");
        Image image = Image.blank(1, 28, 28, -0.5f);
        Mask hole = new CenterBoxMaskGenerator(0.25).generate(28, 28, new SplittableRandom(0));
        Image filled = plain.fillOne(image, hole, -1, 9);
        for (int i = 0; i < image.pixels().length; i++) {
            if (!hole.isHole(i / 28, i % 28)) {
                assertEquals(image.pixels()[i], filled.pixels()[i], "known pixel " + i);
            }
        }
        assertNotNull(plain.trajectory());
        Filler own = Inpainting.filler(m, new FillRequest(null, null, true, new RePaintOverrides(2, 1, 1, null, null), false));
        assertEquals(3.0, own.options().guidance(), "conditioned on each image's class: the default guidance");
        List<Image> two = own.fillBatch(List.of(image, image), List.of(hole, hole), List.of(0, 2), new SplittableRandom(1));
        assertEquals(2, two.size());
        InvalidSettingException jump = assertThrows(InvalidSettingException.class,
                () -> Inpainting.filler(m, new FillRequest(null, null, false, new RePaintOverrides(2, 2, 1, null, null), false)));
        assertEquals("jump_length", jump.setting());
    }
}
