/**
 * A node's crash-recovery journal in an embedded SQLite database: tasks and their fate, robots,
 * failed pairs, published plan versions and named blobs, committed before the node publishes.
 *
 * <p>May depend on {@code model} and the JDK (JDBC); knows nothing of messages or nodes.
 */
package dev.flotilla.journal;
