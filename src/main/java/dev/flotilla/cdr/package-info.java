/**
 * Plain CDR (XCDR1) reading and writing, as every ROS 2 rmw and rosbag2 encode messages; part of
 * the shared base.
 *
 * <p>Depends on no other dev.flotilla package. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.cdr;
