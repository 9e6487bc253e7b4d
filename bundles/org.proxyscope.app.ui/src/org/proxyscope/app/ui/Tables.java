package org.proxyscope.app.ui;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.DefaultToolTip;
import org.eclipse.jface.window.ToolTip;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** The column set-up every Proxyscope table shares, and the tooltips its trees share with it. */
public final class Tables {

    private Tables() {
    }

    /**
     * Adds one column per {@code {title, width in pixels}} pair, in order. A cell too narrow for its text shows the
     * whole of it in a tooltip while the pointer rests on it ({@link #tipCutCells(Table)}).
     */
    public static void addColumns(Table table, String[][] titlesAndWidths) {
        for (String[] c : titlesAndWidths) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(c[0]);
            column.setWidth(Integer.parseInt(c[1]));
        }
        tipCutCells(table);
    }

    /**
     * Makes each heading sort the table: a click sorts by that column, a second click on it turns the order round.
     * The table shows which column and which way; {@code resort} then fills the table again, reading them with
     * {@link #sortedBy} and {@link #ascending}.
     */
    public static void sortByHeadings(Table table, Runnable resort) {
        for (TableColumn column : table.getColumns()) {
            column.addListener(SWT.Selection, e -> {
                boolean ascending = table.getSortColumn() != column || table.getSortDirection() == SWT.DOWN;
                table.setSortColumn(column);
                table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
                resort.run();
            });
        }
    }

    /** The index of the column a table set up by {@link #sortByHeadings} is sorted by, or -1 until one is clicked. */
    public static int sortedBy(Table table) {
        return table.getSortColumn() == null ? -1 : table.indexOf(table.getSortColumn());
    }

    /** Whether a table set up by {@link #sortByHeadings} is sorted upwards (also before any heading was clicked). */
    public static boolean ascending(Table table) {
        return table.getSortDirection() != SWT.DOWN;
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

    /**
     * Shows the whole text of a cell too narrow for it in a tooltip while the pointer rests on the cell. An evidence
     * sentence, a custody entry or a host's roles is cut at the column's edge, and widening the column takes room
     * from the others.
     */
    public static void tipCutCells(Table table) {
        new CutTextTip(table, at -> cellAt(table, at));
    }

    /** As {@link #tipCutCells(Table)}, for a tree: a case's files and custody entries are cut in a narrow view. */
    public static void tipCutCells(Tree tree) {
        new CutTextTip(tree, at -> cellAt(tree, at));
    }

    /** The whole text of the table's cell at {@code x, y} when its column shows only part of it, or null. */
    public static String cutText(Table table, int x, int y) {
        return cutText(table, cellAt(table, new Point(x, y)));
    }

    /** The whole text of the tree's cell at {@code x, y} when its column shows only part of it, or null. */
    public static String cutText(Tree tree, int x, int y) {
        return cutText(tree, cellAt(tree, new Point(x, y)));
    }

    private static String cutText(Control control, Cell cell) {
        if (cell == null) {
            return null;
        }
        GC gc = new GC(control);
        try {
            return gc.textExtent(cell.text()).x > cell.textBounds().width ? cell.text() : null;
        } finally {
            gc.dispose();
        }
    }

    /** A cell of a table or a tree: its row and column, its text and where the text is drawn. */
    private record Cell(Item row, int column, String text, Rectangle textBounds) {
    }

    private static Cell cellAt(Table table, Point at) {
        TableItem item = table.getItem(at);
        return item == null ? null : cellAt(item, table.getColumnCount(), at, item::getBounds, item::getText, item::getTextBounds);
    }

    private static Cell cellAt(Tree tree, Point at) {
        TreeItem item = tree.getItem(at);
        return item == null ? null : cellAt(item, tree.getColumnCount(), at, item::getBounds, item::getText, item::getTextBounds);
    }

    /** The cell of row {@code item} (a table's or a tree's, which share no type that reads a cell) that holds {@code at}. */
    private static Cell cellAt(Item item, int columns, Point at, IntFunction<Rectangle> bounds, IntFunction<String> text,
            IntFunction<Rectangle> textBounds) {
        for (int column = 0; column < Math.max(1, columns); column++) {
            if (bounds.apply(column).contains(at)) {
                return new Cell(item, column, text.apply(column), textBounds.apply(column));
            }
        }
        return null;
    }

    /** Shows a cut cell's whole text while the pointer rests on it, a tip of its own for each cell. */
    private static final class CutTextTip extends DefaultToolTip {

        private final Control control;
        private final Function<Point, Cell> cells;

        CutTextTip(Control control, Function<Point, Cell> cells) {
            super(control, ToolTip.RECREATE, false);
            this.control = control;
            this.cells = cells;
        }

        @Override
        protected Object getToolTipArea(Event event) {
            Cell cell = cells.apply(new Point(event.x, event.y));
            return cell != null ? List.of(cell.row(), cell.column()) : super.getToolTipArea(event);
        }

        @Override
        protected boolean shouldCreateToolTip(Event event) {
            return getText(event) != null && super.shouldCreateToolTip(event);
        }

        @Override
        protected String getText(Event event) {
            return cutText(control, cells.apply(new Point(event.x, event.y)));
        }
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
