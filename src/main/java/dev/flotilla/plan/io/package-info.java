/**
 * Reads planning scenarios (environment of Definition 4, agent models of Definition 5, cases and
 * online tasks of seed 003) from YAML, with errors that name the file and key.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.model}, {@code
 * dev.flotilla.plan.model}; nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.plan.io;
