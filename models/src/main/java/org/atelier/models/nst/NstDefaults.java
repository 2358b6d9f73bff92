package org.atelier.models.nst;

/**
 * Defaults of Gatys optimisation with the random feature net, chosen by looking at results
 * (docs/style-transfer.md). Strings, so that command-line annotations can name them as defaults.
 */
public final class NstDefaults {
    public static final String STYLE_WEIGHT = "1e2";
    public static final String TV_WEIGHT = "0.1";
    public static final String CONTENT_LAYER = "relu3_1";
    public static final String LR = "0.03";
    /** Adam steps of one stylisation. */
    public static final int STEPS = 300;

    private NstDefaults() {
    }

    /** 1000.0 → 1e3, 0.5 → 0.5: how weights appear in captions and run names. */
    public static String format(double w) {
        if (w == 0) {
            return "0";
        }
        double e = Math.log10(Math.abs(w));
        if (Math.abs(e - Math.rint(e)) < 1e-9 && Math.abs(e) >= 2) {
            return (w < 0 ? "-" : "") + "1e" + (long) Math.rint(e);
        }
        return String.valueOf(w).replaceAll("\\.0$", "");
    }
}
