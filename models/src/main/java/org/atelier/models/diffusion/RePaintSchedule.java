package org.atelier.models.diffusion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which RePaint visits the noise levels (Lugmayr et al. 2022, section 4.2, "resampling"):
 * level d = "after d denoising steps" (0 = the first, noisiest timestep; n = clean). Going down one
 * level is a denoising step; at every jump point the walk goes back up j levels (re-noising) and
 * comes down again, r − 1 times. Jump points are the levels d with (n − d) a multiple of j and
 * d &gt; j — as diffusers' RePaintScheduler places them — so the last harmonisation happens at the
 * clean end and the first j steps are never resampled.
 */
public final class RePaintSchedule {
    private RePaintSchedule() {
    }

    /** The visited levels, starting at 0 and ending at n. */
    public static int[] levels(int n, int jumpLength, int jumpCount) {
        Map<Integer, Integer> jumpsLeft = new HashMap<>();
        for (int d = n; d > jumpLength; d -= jumpLength) {
            jumpsLeft.put(d, jumpCount - 1);
        }
        List<Integer> out = new ArrayList<>();
        int d = 0;
        out.add(d);
        while (d < n) {
            d++;
            out.add(d);
            int left = jumpsLeft.getOrDefault(d, 0);
            if (left > 0) {
                jumpsLeft.put(d, left - 1);
                d -= jumpLength;
                out.add(d);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How many network calls (downward moves) the walk takes. */
    public static int denoisingSteps(int[] levels) {
        int c = 0;
        for (int i = 1; i < levels.length; i++) {
            if (levels[i] > levels[i - 1]) {
                c++;
            }
        }
        return c;
    }
}
