package org.proxyscope.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threads for blocking network work (probes, canary listeners): virtual threads, except in the one-shot
 * command line. There the JVM's exit waits 300 ms for threads parked in native code, and the socket
 * pollers behind virtual threads always are: a third of a whole probe run on loopback. The command line
 * sets {@link #PLATFORM} and its probes run on platform threads, as many as the run allows at once.
 */
public final class NetworkThreads {

    /** System property: "true" for platform threads. */
    public static final String PLATFORM = "proxyscope.platformThreads";

    private NetworkThreads() {
    }

    private static Thread.Builder builder(String name) {
        return Boolean.getBoolean(PLATFORM) ? Thread.ofPlatform().daemon().name(name) : Thread.ofVirtual().name(name);
    }

    /** Starts {@code work} on a new network thread called {@code name}. */
    public static Thread start(String name, Runnable work) {
        return builder(name).start(work);
    }

    /** An executor that starts a new network thread per task; bound the concurrency yourself. */
    public static ExecutorService perTask(String name) {
        return Executors.newThreadPerTaskExecutor(builder(name).factory());
    }
}
