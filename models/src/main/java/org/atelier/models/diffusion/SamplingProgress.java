package org.atelier.models.diffusion;

/**
 * How far a sampling request has got, in network calls (a guided call counts once): told after each
 * one, on the sampling thread. The library only reports; a front end draws the bar or prints the lines.
 */
@FunctionalInterface
public interface SamplingProgress {
    /** Reports nothing. */
    SamplingProgress NONE = (done, total) -> {
    };

    /**
     * @param done  network calls made so far in this request, 1..total
     * @param total network calls the whole request takes (every chunk of images)
     */
    void update(long done, long total);

    /** A counter over {@code total} calls that reports each {@link Counter#tick()} to this listener. */
    default Counter counter(long total) {
        return new Counter(this, total);
    }

    /** Counts the calls of one request. */
    final class Counter {
        private final SamplingProgress listener;
        private final long total;
        private long done;

        private Counter(SamplingProgress listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        /** One more network call made. */
        public void tick() {
            listener.update(++done, total);
        }
    }
}
