package org.proxyscope.app;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

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
