/**
 * Decodes and encodes CDR payloads of any message type from its parsed definition, without
 * generated code.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.bag.msgdef}, {@code
 * dev.flotilla.cdr}; nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.bag.cdr;
