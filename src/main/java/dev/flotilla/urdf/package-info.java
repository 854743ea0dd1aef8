/**
 * URDF robot descriptions: a validating parser into records (links, joints, sensors) and their
 * kinematics (kinematic tree, chains, forward kinematics).
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.xml}; nothing else. Checked by {@code
 * AlgorithmEdgesTest}.
 */
package dev.flotilla.urdf;
