package org.proxyscope.report;

import java.util.List;

/**
 * A stacked bar chart, drawn into the PDF as vector graphics.
 *
 * @param title      shown above the chart
 * @param categories one label per bar (a time bucket, a protocol)
 * @param series     the names of the stacked parts, e.g. established, refused, unverified
 * @param values     {@code values[bar][series]}
 * @param axis       what the bars count, e.g. "proxy sessions"
 */
public record BarChart(String title, List<String> categories, List<String> series, int[][] values, String axis) {

    public BarChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (values.length != categories.size()) {
            throw new IllegalArgumentException("a chart needs one row of values per bar");
        }
        for (int[] bar : values) {
            if (bar.length != series.size()) {
                throw new IllegalArgumentException("a chart needs one value per series in every bar");
            }
        }
    }

    /** The tallest bar: the chart's scale. */
    public int peak() {
        int peak = 0;
        for (int[] bar : values) {
            int sum = 0;
            for (int v : bar) {
                sum += v;
            }
            peak = Math.max(peak, sum);
        }
        return peak;
    }
}
