package org.proxyscope.report.internal;

import java.awt.Color;
import java.util.List;

import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;
import org.proxyscope.report.BarChart;

/**
 * Draws a stacked bar chart as PDF vector graphics. Written here rather than taken from JFreeChart: that
 * library has no OSGi manifest and draws through AWT, whose start-up would cost the command line more than
 * these two kinds of bar chart take to draw by hand; lines, rectangles and text are all a report needs.
 */
final class ChartDrawing {

    /** Colours for the series, in order: established (relayed) first, as the capture plug-in names them. */
    private static final List<Color> PALETTE = List.of(new Color(0xb0, 0x2a, 0x2a), new Color(0x7f, 0x8c, 0x99),
            new Color(0xe0, 0xa0, 0x30), new Color(0x3a, 0x6e, 0xa5), new Color(0x5a, 0x9a, 0x5a));

    private final PdfTemplate canvas;
    private final BaseFont font;
    private final float width;
    private final float height;

    ChartDrawing(PdfTemplate canvas, BaseFont font, float width, float height) {
        this.canvas = canvas;
        this.font = font;
        this.width = width;
        this.height = height;
    }

    void draw(BarChart chart) {
        float left = 40;
        float bottom = 34;
        float top = height - 22;
        float right = width - 4;
        text(shown(chart.title()), 0, height - 10, 9, PdfContentByte.ALIGN_LEFT, Color.BLACK);
        int peak = Math.max(1, chart.peak());
        int step = niceStep(peak);
        int scale = ((peak + step - 1) / step) * step;
        // grid lines and the count axis
        for (int v = 0; v <= scale; v += step) {
            float y = bottom + (top - bottom) * v / scale;
            canvas.setColorStroke(PdfReport.RULE);
            canvas.setLineWidth(0.4f);
            canvas.moveTo(left, y);
            canvas.lineTo(right, y);
            canvas.stroke();
            text(Integer.toString(v), left - 4, y - 3, 7, PdfContentByte.ALIGN_RIGHT, Color.DARK_GRAY);
        }
        int bars = chart.categories().size();
        float slot = (right - left) / Math.max(1, bars);
        float barWidth = Math.max(1, slot * 0.72f);
        int labelEvery = Math.max(1, (int) Math.ceil(bars / ((right - left) / 62f)));
        for (int i = 0; i < bars; i++) {
            float x = left + i * slot + (slot - barWidth) / 2;
            float y = bottom;
            for (int s = 0; s < chart.series().size(); s++) {
                int value = chart.values()[i][s];
                if (value == 0) {
                    continue;
                }
                float h = (top - bottom) * value / scale;
                canvas.setColorFill(PALETTE.get(s % PALETTE.size()));
                canvas.rectangle(x, y, barWidth, h);
                canvas.fill();
                y += h;
            }
            String label = shown(chart.categories().get(i));
            float centre = left + i * slot + slot / 2;
            if (i % labelEvery == 0 && centre + font.getWidthPoint(label, 6.5f) / 2 <= width) {
                text(label, centre, bottom - 10, 6.5f, PdfContentByte.ALIGN_CENTER, Color.DARK_GRAY);
            }
        }
        // legend and axis name along the bottom
        float x = left;
        for (int s = 0; s < chart.series().size(); s++) {
            canvas.setColorFill(PALETTE.get(s % PALETTE.size()));
            canvas.rectangle(x, 4, 8, 8);
            canvas.fill();
            String name = shown(chart.series().get(s));
            text(name, x + 11, 5, 7.5f, PdfContentByte.ALIGN_LEFT, Color.BLACK);
            x += 11 + font.getWidthPoint(name, 7.5f) + 14;
        }
        text(shown(chart.axis()), right, 5, 7.5f, PdfContentByte.ALIGN_RIGHT, Color.DARK_GRAY);
    }

    /** A round step (1, 2, 5, 10, 20, ...) giving at most five grid lines. */
    static int niceStep(int peak) {
        int step = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if (peak / (step * m) <= 5) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    /** A label as the chart's font can draw it: see {@link SafeText}. */
    private String shown(String label) {
        return SafeText.of(label, false, font::charExists);
    }

    private void text(String s, float x, float y, float size, int align, Color colour) {
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.setColorFill(colour);
        canvas.showTextAligned(align, s, x, y, 0);
        canvas.endText();
    }
}
