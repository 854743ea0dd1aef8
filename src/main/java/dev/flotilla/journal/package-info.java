/**
 * A node's crash-recovery journal in an embedded SQLite database: tasks and their fate, robots,
 * failed pairs, published plan versions and named blobs, committed before the node publishes.
 * Every commit also updates a seal (the digest of every row, the commit count and the plan
 * version high-water mark, in the database and in {@code <node>.db.seal} beside it), so a journal
 * that lost or changed what it committed is refused at open instead of silently believed, and
 * {@code --recover-journal} can tell the verified part from the rest.
 *
 * <p>May depend on {@code model} and the JDK (JDBC, with sqlite-jdbc's read-only config); knows
 * nothing of messages or nodes.
 */
package dev.flotilla.journal;
