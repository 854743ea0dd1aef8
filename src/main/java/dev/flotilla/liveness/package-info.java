/**
 * Heartbeat-based liveness: which robots are alive, failed or recovered, from the sequence and time
 * of their heartbeats.
 *
 * <p>Depends on no other dev.flotilla package. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.liveness;
