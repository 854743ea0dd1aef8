/**
 * The MCAP container format: a random-access reader (memory-mapped, zero-copy chunk decoding with a
 * read-ahead helper thread, CRC checks), a linear scanner for damaged files, and a writer with
 * chunk compression.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.bag.io}; nothing else. Checked by
 * {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.bag.mcap;
