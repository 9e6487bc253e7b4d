package org.proxyscope.app.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Reads what a view shows in a system Job and shows it on the UI thread: only the answer to the latest question, and
 * only while the view is there. A view that reads what the selected case holds asks again at each selection; a slow
 * answer about a case no longer chosen is dropped.
 */
public final class LatestAnswer<T> {

    private final Control view;
    /** The questions asked, on the UI thread: an answer shows only if no later one was asked. */
    private int asked;

    /** Answers for {@code view}, which shows them; none shows once it is disposed. */
    public LatestAnswer(Control view) {
        this.view = view;
    }

    /**
     * Reads {@code read} in a Job called {@code task}, then hands the answer to {@code show} on the UI thread. Returns
     * the Job, scheduled; it ends once the answer is handed over.
     */
    public Job ask(String task, Supplier<T> read, Consumer<T> show) {
        int question = ++asked;
        Display display = view.getDisplay();
        Job reading = Job.create(task, monitor -> {
            T answer = read.get();
            display.asyncExec(() -> {
                if (question == asked && !view.isDisposed()) {
                    show.accept(answer);
                }
            });
            return Status.OK_STATUS;
        });
        reading.setSystem(true);
        reading.schedule();
        return reading;
    }
}
