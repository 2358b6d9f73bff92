package org.atelier.training.soak;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short crash-resume soak in the suite: {@code atelier.soak.kills} SIGKILLs (4 by default;
 * {@code scripts/soak.sh 50} runs the long one), each followed by a resume; {@link CrashResumeSoak}
 * checks the metrics against an uninterrupted run, every checkpoint, and that no temp file remains.
 */
class CrashResumeSoakTest {
    @Test
    void killedAndResumedRunsEndAsAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        int kills = Integer.getInteger("atelier.soak.kills", 4);
        CrashResumeSoak.Result r = CrashResumeSoak.run(tmp, kills, Long.getLong("atelier.soak.seed", 16L));
        System.out.println("soak: " + r);
        assertTrue(r.kills() == kills && r.runsCompleted() >= 1, r.toString());
    }
}
