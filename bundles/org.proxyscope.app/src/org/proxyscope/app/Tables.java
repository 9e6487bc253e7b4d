package org.proxyscope.app;

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
}
