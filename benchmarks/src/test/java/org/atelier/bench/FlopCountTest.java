package org.atelier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.atelier.models.diffusion.UNetArch;
import org.atelier.models.gan.GanArch;
import org.junit.jupiter.api.Test;

/** Expected counts: what bench.py's forward hooks count on the PyTorch modules at batch 64. */
class FlopCountTest {
    @Test
    void dcgan28() {
        // G: 64·100·6272 + 64·128·7²·64·16 + 64·64·14²·1·16
        assertEquals(464_027_648L, FlopCount.dcganGenerator(GanArch.DCGAN28, 1, 100, 64));
        // D: 64·64·14²·1·16 + 64·128·7²·64·16 + 64·6272
        assertEquals(424_288_256L, FlopCount.dcganDiscriminator(GanArch.DCGAN28, 1, 64));
        assertEquals(2.0 * (4 * 464_027_648.0 + 9 * 424_288_256.0), FlopCount.dcganStepFlops(GanArch.DCGAN28, 1, 100, 64));
    }

    @Test
    void unet28() {
        assertEquals(8_853_200_896L, FlopCount.unet(UNetArch.UNET28.spec(), 1, 64));
        assertEquals(6.0 * 8_853_200_896L, FlopCount.unetStepFlops(UNetArch.UNET28.spec(), 1, 64));
        assertEquals(2.0 * 8_853_200_896L, FlopCount.unetForwardFlops(UNetArch.UNET28.spec(), 1, 64));
        assertEquals(FlopCount.unet(UNetArch.UNET28.spec(), 1, 1) * 64, FlopCount.unet(UNetArch.UNET28.spec(), 1, 64),
                "linear in the batch");
    }
}
