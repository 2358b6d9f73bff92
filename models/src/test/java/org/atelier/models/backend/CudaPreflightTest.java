package org.atelier.models.backend;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.atelier.core.errors.UserException;
import org.junit.jupiter.api.Test;

class CudaPreflightTest {
    @Test
    void parsesDriverCsvIncludingNamesWithCommas() {
        List<GpuInfo> gpus = CudaPreflight.parse("NVIDIA H100 80GB HBM3, 9.0\nTesla T4, 7.5\n");
        assertEquals(List.of(new GpuInfo("NVIDIA H100 80GB HBM3", "9.0"), new GpuInfo("Tesla T4", "7.5")), gpus);
        assertEquals(90, gpus.get(0).capabilityCode());
    }

    @Test
    void hopperIsRefusedWithAMessageThatSaysHowToRunOnCpu() {
        UserException e = assertThrows(UserException.class,
                () -> CudaPreflight.refuseUnsupported(List.of(new GpuInfo("NVIDIA H100 80GB HBM3", "9.0"))));
        assertTrue(e.getMessage().contains("9.0"), e.getMessage());
        assertTrue(e.getMessage().contains("3.7-8.6"), e.getMessage());
        assertTrue(e.getMessage().contains("CPU"), e.getMessage());
    }

    @Test
    void amperePassesAndNoGpuIsRefused() {
        assertDoesNotThrow(() -> CudaPreflight.refuseUnsupported(List.of(new GpuInfo("NVIDIA A100", "8.0"),
                new GpuInfo("RTX 3090", "8.6"))));
        assertThrows(UserException.class, () -> CudaPreflight.refuseUnsupported(List.of()));
    }

    @Test
    void defaultBuildIsCpuWithOneDnn() {
        assertFalse(CudaPreflight.cudaBackendPresent());
        BackendInfo info = Backends.start();
        assertEquals("CPU", info.backend());
        assertTrue(info.oneDnn(), "the default build must carry the oneDNN native library: " + info);
        assertEquals("1.0.0-M2.1", info.nd4jVersion());
        assertTrue(info.cores() > 0);
    }
}
