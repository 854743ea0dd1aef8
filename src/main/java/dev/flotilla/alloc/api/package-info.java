/**
 * The allocation problem and its answers as plain records (robots, tasks, utility parameters of
 * Eqs. 2–6 of seed 001, plans, reallocations) and the allocator interfaces; every record checks its
 * arguments.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.model}; nothing else. Checked by
 * {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.alloc.api;
