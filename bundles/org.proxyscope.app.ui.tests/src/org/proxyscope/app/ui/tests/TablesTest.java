package org.proxyscope.app.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyscope.app.ui.Tables;

/** A virtual table of a big capture's size, shown a block at a time on a real display. */
class TablesTest {

    private final Display display = Display.getDefault();
    private Shell shell;
    private Table table;

    @BeforeEach
    void openTable() {
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        table = new Table(shell, SWT.VIRTUAL | SWT.FULL_SELECTION);
        new TableColumn(table, SWT.NONE).setWidth(200);
        Tables.onDemand(table, i -> new String[] { "row " + i });
        shell.setSize(300, 400);
        shell.open();
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    /** Runs what the display has queued until nothing is left. */
    private void settle() {
        while (display.readAndDispatch()) {
            // the table's next block, paints
        }
    }

    @Test
    void theFirstRowsComeAtOnceAndTheRestFollow() {
        Tables.showRows(table, 60_000);
        int atOnce = table.getItemCount();
        assertTrue(atOnce > 0 && atOnce < 60_000, "the first rows at once, not all 60,000: " + atOnce);
        assertEquals("row 0", table.getItem(0).getText());
        settle();
        assertEquals(60_000, table.getItemCount(), "the rest followed");
        assertEquals("row 59999", table.getItem(59_999).getText());
    }

    @Test
    void aNewerShowingStopsTheOneUnderWay() {
        Tables.showRows(table, 60_000);
        Tables.showRows(table, 40_000); // the analyst filtered before the first showing was done
        settle();
        assertEquals(40_000, table.getItemCount());
        Tables.showRows(table, 10);
        settle();
        assertEquals(10, table.getItemCount(), "a short list replaces a long one whole");
        assertEquals("row 9", table.getItem(9).getText());
    }

    /** An evidence sentence cut at the column's edge shows whole while the pointer rests on it; a cell that fits, nothing. */
    @Test
    void aCutCellShowsItsWholeTextWhereThePointerRests() {
        String evidence = "the proxy's connection to 192.0.2.25:25 is flow 812; the destination's SMTP greeting came back"
                + " through the tunnel";
        Table findings = new Table(shell, SWT.VIRTUAL | SWT.FULL_SELECTION);
        Tables.addColumns(findings, new String[][] { { "Outcome", "120" }, { "Evidence", "120" } });
        Tables.onDemand(findings, i -> new String[] { "established", evidence });
        table.dispose();
        shell.layout();
        Tables.showRows(findings, 1);
        settle();
        Rectangle outcome = findings.getItem(0).getBounds(0);
        Rectangle cut = findings.getItem(0).getBounds(1);
        assertNull(Tables.cutText(findings, outcome.x + 5, outcome.y + outcome.height / 2), "the whole word shows already");
        assertEquals(evidence, Tables.cutText(findings, cut.x + 5, cut.y + cut.height / 2));
        assertNull(Tables.cutText(findings, cut.x + 5, cut.y + 5 * cut.height), "no row there");

        Event hover = new Event();
        hover.x = cut.x + 5;
        hover.y = cut.y + cut.height / 2;
        findings.notifyListeners(SWT.MouseHover, hover);
        settle();
        assertTrue(shownTexts().contains(evidence), "the tooltip shows the whole sentence: " + shownTexts());
    }

    /** The texts of labels in the display's other visible shells, such as a tooltip's. */
    private List<String> shownTexts() {
        List<String> texts = new ArrayList<>();
        for (Shell other : display.getShells()) {
            if (other != shell && other.isVisible()) {
                for (Control c : other.getChildren()) {
                    if (c instanceof CLabel label) {
                        texts.add(label.getText());
                    }
                }
            }
        }
        return texts;
    }

    @Test
    void aRowNotYetAddedCanBeSelectedAndTheRestStillFollow() {
        Tables.showRows(table, 60_000);
        Tables.select(table, 50_000); // a search result names a late flow
        assertEquals(50_000, table.getSelectionIndex());
        assertEquals("row 50000", table.getItem(50_000).getText());
        settle();
        assertEquals(60_000, table.getItemCount());
        assertEquals(50_000, table.getSelectionIndex(), "the selection stays as the rows are added");
    }
}
