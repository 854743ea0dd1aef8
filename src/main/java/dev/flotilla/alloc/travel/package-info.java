/**
 * Travel models for the allocator (distance and the point reached along a route): straight lines,
 * and shortest paths over a region graph.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.alloc.api}, {@code
 * dev.flotilla.model}; nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.alloc.travel;
