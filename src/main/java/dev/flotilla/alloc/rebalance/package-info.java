/**
 * Seed 000's event-triggered planning on top of seed 001's allocator: every event is repaired
 * locally and a global re-plan runs only when efficiency (u_g^E per second of plan) drops past a
 * threshold.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.alloc}, {@code
 * dev.flotilla.alloc.api}, {@code dev.flotilla.model}; nothing else. Checked by {@code
 * AlgorithmEdgesTest}.
 */
package dev.flotilla.alloc.rebalance;
