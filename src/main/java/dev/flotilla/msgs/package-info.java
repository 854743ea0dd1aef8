/**
 * The hand-written part of the message bindings: a message type's names, definition and CDR codec,
 * and the signable (auth-trailer) contract; the records themselves are generated from msg/ into
 * sub-packages at build time.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.cdr} and the generated bindings below
 * this package; nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.msgs;
