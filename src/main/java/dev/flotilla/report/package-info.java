/**
 * The HTML report of one fleet run: a {@link dev.flotilla.report.RunRecord} of what happened
 * (map places, trajectories, plan versions, executed steps, events, utility, summary), filled by
 * a {@link dev.flotilla.report.RunRecorder} while the run goes on, and written by
 * {@link dev.flotilla.report.HtmlReportWriter} as one self-contained page of inline SVG figures
 * after seeds 001 and 003. Deterministic: the same record always gives the same bytes.
 *
 * <p>Plain Java in the algorithms layer: it depends only on {@code dev.flotilla.model} (positions
 * are {@link dev.flotilla.model.Point3}) and the JDK, never on ROS, DDS or the nodes.
 */
package dev.flotilla.report;
