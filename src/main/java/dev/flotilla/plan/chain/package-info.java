/**
 * Action-path chains (Algorithm 1 of seed 003): for every agent type and subtask, the sequences of
 * (action, region) steps that realise the subtask's σ, computed once per type and cached.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.plan.model}, {@code
 * dev.flotilla.plan.task}; nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.plan.chain;
