package org.atelier.training;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Progress of training steps or sampling calls. On a terminal at least {@link #BAR_MIN_COLUMNS} wide: the progress bar
 * (me.tongfei:progressbar: step, ETA, and the extra message with images/s and losses). Elsewhere
 * — output redirected to a log, or a narrow terminal where the bar would shrink to "[ ]" and cut
 * the loss names — one plain line on stderr every tenth of the run or every
 * {@link #LINE_EVERY_SECONDS} seconds, whichever comes first.
 */
public final class Progress implements AutoCloseable {
    /** The bar, its counts and a loss or two need about this many columns. */
    static final int BAR_MIN_COLUMNS = 100;
    static final long LINE_EVERY_SECONDS = 30;

    private final ProgressBar bar;
    private final PrintStream lines;
    private final String name;
    private long total;
    private long nextLineStep;
    private long nextLineNanos;

    private Progress(ProgressBar bar, PrintStream lines, String name, long total, long start) {
        this.bar = bar;
        this.lines = lines;
        this.name = name;
        this.total = total;
        this.nextLineStep = start + Math.max(1, total / 10);
        this.nextLineNanos = System.nanoTime() + LINE_EVERY_SECONDS * 1_000_000_000L;
    }

    public static Progress create(boolean wanted, String name, long total, long start) {
        if (!wanted) {
            return new Progress(null, null, name, total, start);
        }
        if (!onTerminal() || terminalColumns() < BAR_MIN_COLUMNS) {
            return lines(System.err, name, total, start);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).startsFrom(start, java.time.Duration.ZERO)
                .setUnit(" steps", 1).build();
        return new Progress(bar, null, name, total, start);
    }

    /** Plain progress lines to {@code out}: what redirected output and narrow terminals get. */
    static Progress lines(PrintStream out, String name, long total, long start) {
        return new Progress(null, out, name, total, start);
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

    /** The terminal's width as JLine (the progress bar's own terminal library) reads it; 80 when it cannot tell. */
    static int terminalColumns() {
        try (Terminal t = TerminalBuilder.builder().system(true).dumb(true).build()) {
            int w = t.getWidth();
            return w > 0 ? w : 80;
        } catch (java.io.IOException | RuntimeException e) {
            return 80;
        }
    }

    void update(long step, String extra) {
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(extra);
        } else if (lines != null && (step >= nextLineStep || step >= total || System.nanoTime() >= nextLineNanos)) {
            lines.printf("%s: step %d/%d (%d %%)%s%n", name, step, total, 100 * step / Math.max(1, total),
                    extra.isBlank() ? "" : ", " + extra.trim());
            nextLineStep = step + Math.max(1, total / 10);
            nextLineNanos = System.nanoTime() + LINE_EVERY_SECONDS * 1_000_000_000L;
        }
    }

    /** For work whose size is known only as it goes (a sampling request's network calls). */
    public void stepTo(long done, long total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
        } else if (lines != null) {
            this.total = total;
            update(done, "");
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
