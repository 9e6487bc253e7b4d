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

    /** Waits for the result; throws what the work threw. */
    public T join() throws InterruptedException {
        try {
            return task.get();
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
}
