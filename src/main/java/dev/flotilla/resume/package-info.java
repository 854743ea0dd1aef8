/**
 * Robot resumes of seed 002 (EMOS, section 3.3 and appendix A): mobility, perception and
 * manipulation read from the URDF alone with seeded forward-kinematics sampling, and the capability
 * scores λ_ij that seed 001's allocator takes.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.model}, {@code dev.flotilla.urdf};
 * nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.resume;
