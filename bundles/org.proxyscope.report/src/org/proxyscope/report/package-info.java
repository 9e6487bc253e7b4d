/**
 * What the analyst hands over: the PDF case report ({@link org.proxyscope.report.CaseReport}), the customer
 * notice ({@link org.proxyscope.report.CustomerNotice}) and complaints for other abuse desks
 * ({@link org.proxyscope.report.Complaints}, ARF and X-ARF), all made from what the case keeps in its workspace
 * and kept as its evidence. Plug-ins add report sections through {@link org.proxyscope.report.ReportSection}.
 * Headless; the Reporting perspective and the command line drive it.
 * <p>
 * The PDF library is OpenPDF, not PDFBox: a report needs a layout engine (paragraphs that wrap, tables that
 * break across pages and repeat their header row, page events for running headers and "page N of M",
 * outlines, the Unicode bidirectional algorithm for right-to-left names), which OpenPDF has and PDFBox leaves
 * to the caller. Its fonts-extra bundle supplies Liberation Sans and Mono, embedded as subsets. Signatures
 * are OpenPDF's signature dictionary around a CMS blob made by Bouncy Castle. Charts are drawn by hand as PDF
 * vector graphics ({@code ChartDrawing}): JFreeChart has no OSGi manifest and draws through AWT.
 */
package org.proxyscope.report;
