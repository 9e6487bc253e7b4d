package org.proxyscope.app.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proxyscope.app.ui.tests.support.Widgets.spinUntil;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proxyscope.app.ui.LatestAnswer;

/** Answers read in the background reach the view in the order asked: a slow one for an earlier question never shows. */
class LatestAnswerTest {

    private final Display display = Display.getDefault();
    private final Shell shell = new Shell(display);

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void onlyTheLatestQuestionsAnswerShows() throws Exception {
        Label view = new Label(shell, SWT.NONE);
        LatestAnswer<String> answers = new LatestAnswer<>(view);
        List<String> shown = new ArrayList<>();
        CountDownLatch slow = new CountDownLatch(1);
        answers.ask("the first case", () -> {
            await(slow);
            return "first";
        }, shown::add);
        answers.ask("the second case", () -> "second", shown::add);
        spinUntil(display, () -> shown.contains("second"), "the second answer");
        answered(slow, "the first case");
        assertEquals(List.of("second"), shown, "the first case's late answer is dropped");
    }

    @Test
    void noAnswerShowsOnceTheViewIsGone() throws Exception {
        Label view = new Label(shell, SWT.NONE);
        LatestAnswer<String> answers = new LatestAnswer<>(view);
        List<String> shown = new ArrayList<>();
        CountDownLatch slow = new CountDownLatch(1);
        answers.ask("a closed view's case", () -> {
            await(slow);
            return "late";
        }, shown::add);
        view.dispose();
        answered(slow, "a closed view's case");
        assertEquals(List.of(), shown);
    }

    /** Lets the Job {@code task} answer, waits for it, then runs what it handed the UI thread. */
    private void answered(CountDownLatch waiting, String task) throws InterruptedException {
        waiting.countDown();
        for (Job job : Job.getJobManager().find(null)) {
            if (job.getName().equals(task)) {
                job.join();
            }
        }
        while (display.readAndDispatch()) {
            // the answer was handed over before the Job ended
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
