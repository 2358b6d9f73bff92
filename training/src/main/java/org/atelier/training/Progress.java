package org.atelier.training;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The terminal progress bar (me.tongfei:progressbar: step, ETA, and the extra message with
 * images/s and losses); silent when standard output is not a terminal, so logs and CI output
 * stay clean.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    public static Progress create(boolean wanted, String name, long total, long start) {
        if (!wanted || !onTerminal()) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).startsFrom(start, java.time.Duration.ZERO)
                .setUnit(" steps", 1).build();
        return new Progress(bar);
    }

    /**
     * True when the JVM talks to a terminal. Java 17 returns no console when output is redirected;
     * Java 22+ always returns one and answers with {@code Console.isTerminal()}, read reflectively.
     */
    static boolean onTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    void update(long step, String extra) {
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(extra);
        }
    }

    /** For work whose size is known only as it goes (a sampling request's network calls). */
    public void stepTo(long done, long total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
