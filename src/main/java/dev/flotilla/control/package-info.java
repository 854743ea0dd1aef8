/**
 * A unicycle go-to-goal controller turning a goal into velocity commands within a robot's limits.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.model}; nothing else. Checked by
 * {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.control;
