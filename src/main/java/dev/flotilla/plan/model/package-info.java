/**
 * The planning world of seed 003 as records: regions and their resources (Definition 4), agent
 * types with their action automata (Definition 5), actions, agents, weights α, β, γ of Eq. (2) and
 * scenarios.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.model}; nothing else. Checked by
 * {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.plan.model;
