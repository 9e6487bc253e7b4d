package org.proxyscope.core;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A result made on a thread of its own while its caller does other work, such as writing to the database what is
 * ready while the next part is made. The thread is a daemon: an abandoned result never holds up the program's end.
 * For work that throws no checked exception; what it throws comes out of {@link #join}.
 */
public final class Background<T> {

    private final FutureTask<T> task;

    private Background(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts making {@code work}'s result on a new thread called {@code name}. */
    public static <T> Background<T> start(String name, Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread.ofPlatform().daemon().name(name).start(task);
        return new Background<>(task);
    }

    /** Whether the work has ended, however it ended. */
    public boolean isDone() {
        return task.isDone();
    }

    /**
     * Waits for the result; throws what the work threw. When the waiting thread is interrupted, it stays interrupted
     * and gets {@code whenInterrupted}'s exception (made without a cause; the interruption becomes its cause), of
     * the kind its own caller expects.
     */
    public <E extends Exception> T join(Supplier<E> whenInterrupted) throws E {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            E failure = whenInterrupted.get();
            failure.initCause(e);
            throw failure;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause()); // a Supplier throws nothing checked
        }
    }

    /**
     * Waits until the work has ended, however it ended, even when interrupted meanwhile (the thread stays
     * interrupted): for a caller that must not remove what the work still uses.
     */
    public void awaitEnd() {
        boolean interrupted = false;
        while (!task.isDone()) {
            try {
                task.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
