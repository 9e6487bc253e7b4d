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

    /** Shows {@code count} rows of a table set up by {@link #onDemand}, asking again for the texts of those shown. */
    public static void showRows(Table table, int count) {
        table.clearAll();
        table.setItemCount(count);
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
