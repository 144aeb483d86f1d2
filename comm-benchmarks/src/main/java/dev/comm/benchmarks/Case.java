package dev.comm.benchmarks;

/**
 * One row of the results: a subject driven in one shape.
 *
 * @param subject the subject
 * @param shape the shape
 */
record Case(Subject subject, Shape shape) {

}
