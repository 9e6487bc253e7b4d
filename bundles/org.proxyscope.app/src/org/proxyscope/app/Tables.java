package org.proxyscope.app;

import java.util.function.Function;
import java.util.function.IntFunction;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** The column set-up every Proxyscope table shares. */
public final class Tables {

    private Tables() {
    }

    /** Adds one column per {@code {title, width in pixels}} pair, in order. */
    public static void addColumns(Table table, String[][] titlesAndWidths) {
        for (String[] c : titlesAndWidths) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(c[0]);
            column.setWidth(Integer.parseInt(c[1]));
        }
    }

    /**
     * Lets a table made {@link SWT#VIRTUAL} ask for a row's texts only when the row is shown: a capture's tens of
     * thousands of sessions or hosts then cost what the screen holds, not one widget row each. The rows are as many
     * as {@link Table#setItemCount} was last told; {@code texts} gives the texts of row {@code index}.
     */
    public static void onDemand(Table table, IntFunction<String[]> texts) {
        table.addListener(SWT.SetData, e -> {
            // GTK asks for the selected row's data while rows are being removed, with no row left to name
            if (e.index >= 0 && e.index < table.getItemCount()) {
                ((TableItem) e.item).setText(texts.apply(e.index)); // the event names the row: Table.indexOf walks them all
            }
        });
    }

    /** Rows a table gets at once; the rest come in blocks, between the display's other work. */
    private static final int FIRST_ROWS = 2_000;
    private static final int MORE_ROWS = 25_000;
    /** The table's data key for the showing under way: a newer one (sorted, filtered) stops the one before. */
    private static final String SHOWING = Tables.class.getName() + ".showing";

    /**
     * Shows {@code count} rows of a table set up by {@link #onDemand}, asking again for the texts of those shown.
     * GTK adds a virtual table's rows one by one, 4 µs each: a capture's 166,000 flows, 74,000 sessions and 62,000
     * hosts held the display for over a second before any of them was drawn. The first rows are there at once,
     * and the rest follow in blocks, the display drawing and answering the analyst between them.
     */
    public static void showRows(Table table, int count) {
        Object showing = new Object();
        table.setData(SHOWING, showing);
        table.clearAll();
        table.setItemCount(Math.min(count, FIRST_ROWS));
        if (count > FIRST_ROWS) {
            table.getDisplay().asyncExec(() -> addRows(table, showing, count));
        }
    }

    private static void addRows(Table table, Object showing, int count) {
        if (table.isDisposed() || table.getData(SHOWING) != showing || table.getItemCount() >= count) {
            return;
        }
        table.setItemCount(Math.min(count, table.getItemCount() + MORE_ROWS));
        if (table.getItemCount() < count) {
            table.getDisplay().asyncExec(() -> addRows(table, showing, count));
        }
    }

    /** Selects and reveals row {@code index} of a table shown by {@link #showRows}, adding the rows up to it first. */
    public static void select(Table table, int index) {
        if (index >= table.getItemCount()) {
            table.setItemCount(index + 1); // the blocks still to come start from here
        }
        table.setSelection(index);
        table.showSelection();
    }

    /** Adds a column to a viewer whose elements are {@code type}, showing {@code text} of each. */
    public static <T> void addColumn(TableViewer viewer, Class<T> type, String title, int width, Function<T, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(type.cast(element));
            }
        });
    }
}
