/**
 * Online master/collaborator synchronisation of Section 4.2 of seed 003 as a pure state machine
 * driven by robot events.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.plan}, {@code
 * dev.flotilla.plan.chain}, {@code dev.flotilla.plan.model}, {@code dev.flotilla.plan.task};
 * nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.plan.sync;
