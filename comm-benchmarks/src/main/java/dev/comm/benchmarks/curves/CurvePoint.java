package dev.comm.benchmarks.curves;

/**
 * One measured point of a series.
 *
 * @param x where on the x axis: a payload size in bytes, a number of peers
 * @param y the figure measured there
 */
public record CurvePoint(double x, double y) {

}
