package org.atelier.models.diffusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How n sampling steps are placed among the T training timesteps 0…T−1 (Lin et al. 2024,
 * "Common diffusion noise schedules and sample steps are flawed", table 2, name the two).
 * Each step goes from its timestep to the next one in the list; the last goes to "clean"
 * (ᾱ = 1, or ᾱ₀ when the final ᾱ is not set to one).
 */
public enum TimestepSpacing {
    /**
     * t = k·⌊T/n⌋ for k = n−1 … 0: T = 1000, n = 10 gives 900, 800, …, 0 (DDIM's and diffusers'
     * default; its first step starts below T−1, so it never sees the noisiest timesteps).
     */
    LEADING("leading"),
    /** t = round(T − k·T/n) − 1 for k = 0 … n−1: T = 1000, n = 10 gives 999, 899, …, 99. */
    TRAILING("trailing"),
    /**
     * Karras et al. 2022's grid (eq. 5, ρ = 7) between the schedule's smallest and largest σ
     * ({@link NoiseSchedule#sigma}), each σ_i taken to the nearest training timestep in log σ; neighbours that
     * round to one timestep are pushed apart (up from the last, then down from the first). Dense at both ends: T = 1000 linear, n = 10 gives 999, 937, 864,
     * 775, 663, 511, 301, 102, 18, 0.
     */
    KARRAS("karras");

    private final String id;

    TimestepSpacing(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static TimestepSpacing parse(String s) {
        for (TimestepSpacing k : values()) {
            if (k.id.equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown timestep spacing '" + s + "'; expected one of "
                + Arrays.stream(values()).map(TimestepSpacing::id).collect(Collectors.toList()));
    }
}
