package org.proxyscope.notes.ui.internal;

import org.eclipse.jface.fieldassist.IControlContentAdapter;
import org.eclipse.jface.fieldassist.IControlContentAdapter2;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;

/** Lets JFace's content proposals work on a StyledText: JFace brings adapters for Text and Combo only. */
final class StyledTextContentAdapter implements IControlContentAdapter, IControlContentAdapter2 {

    @Override
    public String getControlContents(Control control) {
        return ((StyledText) control).getText();
    }

    @Override
    public void setControlContents(Control control, String contents, int cursorPosition) {
        StyledText text = (StyledText) control;
        text.setText(contents);
        text.setCaretOffset(cursorPosition);
    }

    @Override
    public void insertControlContents(Control control, String contents, int cursorPosition) {
        StyledText text = (StyledText) control;
        Point selection = text.getSelection();
        text.insert(contents);
        text.setCaretOffset(selection.x + Math.min(cursorPosition, contents.length()));
    }

    @Override
    public int getCursorPosition(Control control) {
        return ((StyledText) control).getCaretOffset();
    }

    @Override
    public Rectangle getInsertionBounds(Control control) {
        StyledText text = (StyledText) control;
        Point at = text.getLocationAtOffset(text.getCaretOffset());
        return new Rectangle(at.x, at.y, 1, text.getLineHeight());
    }

    @Override
    public void setCursorPosition(Control control, int index) {
        ((StyledText) control).setCaretOffset(index);
    }

    @Override
    public Point getSelection(Control control) {
        return ((StyledText) control).getSelection();
    }

    @Override
    public void setSelection(Control control, Point range) {
        ((StyledText) control).setSelection(range.x, range.y);
    }
}
