/**
 * The planner node's LTL edge: its {@code ltl_*} parameters and the translation of the fleet
 * layer's LTL plan into the {@code Allocation} message and the synchronizer's document.
 *
 * <p>May depend on {@code fleet}, {@code model}, {@code plan}, {@code msgs} and {@code ros}.
 */
package dev.flotilla.node.ltl;
