/**
 * The benchmarks behind {@code flotilla bench}: each takes its input as a settings record, measures
 * its subject against a baseline run in the same process and returns its figures as records;
 * {@link dev.flotilla.bench.TableWriter} prints every table and writes every CSV (by default under
 * {@code out/bench/}) and {@link dev.flotilla.bench.Statistics} is the one definition of their
 * quantiles and medians.
 *
 * <p>An apps-layer package: it may depend on the algorithms (alloc, bag, plan, resume, urdf),
 * model, ros, msgs, node and security packages, never on {@code dev.flotilla.cli}, which parses
 * the options and calls it.
 */
package dev.flotilla.bench;
