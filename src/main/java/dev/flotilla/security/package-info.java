/**
 * Message authentication for the fleet (issue #8): Ed25519/HMAC signing of the plan-changing
 * messages, replay windows, the roster of rights, key directories, and a Bus decorator that signs
 * and checks.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.msgs} (with the generated bindings
 * below it), {@code dev.flotilla.ros}, {@code dev.flotilla.ros.params}; nothing else. Checked by
 * {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.security;
