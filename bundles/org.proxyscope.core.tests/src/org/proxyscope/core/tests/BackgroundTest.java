package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.proxyscope.core.Background;

/** A result made on a thread of its own: what its caller gets back, and what it gets when interrupted while waiting. */
class BackgroundTest {

    @Test
    void joinGivesTheResultOrWhatTheWorkThrew() throws Exception {
        assertEquals(42, Background.start("answer", () -> 42).join(() -> new InterruptedIOException("never")));
        IllegalArgumentException thrown = new IllegalArgumentException("bad input");
        Background<Object> failing = Background.start("failing", () -> {
            throw thrown;
        });
        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> failing.join(() -> new InterruptedIOException("never"))));
    }

    @Test
    void anInterruptedWaitEndsInTheCallersExceptionAndTheThreadStaysInterrupted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Background<String> slow = Background.start("slow", () -> {
            awaitQuietly(release);
            return "done";
        });
        Thread.currentThread().interrupt();
        InterruptedIOException e = assertThrows(InterruptedIOException.class,
                () -> slow.join(() -> new InterruptedIOException("interrupted while the slow part was made")));
        assertTrue(Thread.interrupted(), "the waiting thread is still interrupted (and the flag is cleared here)");
        assertEquals("interrupted while the slow part was made", e.getMessage());
        assertInstanceOf(InterruptedException.class, e.getCause());
        release.countDown();
        assertEquals("done", slow.join(() -> new InterruptedIOException("not interrupted now")));
    }

    @Test
    void awaitEndWaitsThroughAnInterruptUntilTheWorkHasEnded() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        Background<Void> work = Background.start("work", () -> {
            started.countDown();
            awaitQuietly(release);
            ended.set(true);
            return null;
        });
        started.await();
        AtomicBoolean endedWhenReturned = new AtomicBoolean();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread waiter = Thread.ofPlatform().start(() -> {
            work.awaitEnd();
            endedWhenReturned.set(ended.get());
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        Thread.sleep(100);
        waiter.interrupt();
        Thread.sleep(100);
        assertTrue(waiter.isAlive(), "an interrupt does not end the wait");
        release.countDown();
        waiter.join(10_000);
        assertTrue(!waiter.isAlive() && endedWhenReturned.get(), "awaitEnd returned once the work had ended, not before");
        assertTrue(stillInterrupted.get(), "the interrupt is kept");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
