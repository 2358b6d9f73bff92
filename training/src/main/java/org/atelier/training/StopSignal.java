package org.atelier.training;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request to stop training at the next step boundary, with a checkpoint. {@link #onShutdown()}
 * ties it to the JVM's shutdown (Ctrl-C / SIGINT, SIGTERM): the hook asks the loop to stop and
 * waits (up to two minutes) until the loop has written its checkpoint, so the process exits
 * only after the checkpoint is safe. When no loop is running the hook returns at once.
 */
public final class StopSignal {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean running = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    public boolean requested() {
        return requested.get();
    }

    /** Called by the loop when it starts. */
    void started() {
        running.set(true);
    }

    /** Called by the loop when it has returned (normally, after a stop request, or by an error). */
    void finished() {
        running.set(false);
        finished.countDown();
    }

    /** A signal raised by the JVM's shutdown hook. */
    public static StopSignal onShutdown() {
        StopSignal s = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.request();
            if (!s.running.get()) {
                return; // nothing is training (not yet started, or already done): exit at once
            }
            try {
                s.finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "atelier-stop"));
        return s;
    }
}
