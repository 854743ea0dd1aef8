/**
 * The planner node's LTL parameters ({@code ltl_*}), read and validated into the fleet layer's
 * {@link dev.flotilla.fleet.ltl.LtlSettings}.
 *
 * <p>May depend on {@code fleet}, {@code model}, {@code plan}, {@code node} and {@code ros}.
 */
package dev.flotilla.node.ltl;
