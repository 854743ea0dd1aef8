/**
 * ROS 2 services on the wire, and the parameter services every ROS 2 node offers
 * ({@code ~/list_parameters}, {@code ~/get_parameters}, {@code ~/set_parameters},
 * {@code ~/set_parameters_atomically}, {@code ~/describe_parameters},
 * {@code ~/get_parameter_types}) with the node's {@code /parameter_events}.
 *
 * <p>The wire follows rmw_cyclonedds: a request travels on the DDS topic
 * {@code rq/<node>/<service>Request} with type {@code pkg::srv::dds_::Name_Request_}, and its
 * CDR payload starts with a {@link dev.flotilla.ros.RequestHeader} (the client's 64-bit id
 * and the request's sequence number) that the reply, on {@code rr/<node>/<service>Reply}, echoes.
 * rmw_fastrtps matches replies by the DDS related sample identity instead, which the DDS binding
 * (ihmc-pub-sub 0.20, Fast-DDS 2.14) cannot set on a write, so its clients are not answered.
 *
 * <p>What each service does is transport-free ({@link dev.flotilla.ros.service.ParameterServer}
 * over a {@link dev.flotilla.ros.params.ParameterTable}); {@link
 * dev.flotilla.ros.service.DdsParameterServices} binds it to a {@link dev.flotilla.ros.DdsBus}.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.cdr}, {@code dev.flotilla.ros},
 * {@code dev.flotilla.ros.params}, {@code dev.flotilla.typehash}, {@code dev.flotilla.bag.msgdef}
 * (the service type hashes) and the generated message bindings; nothing else. Checked by
 * {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.ros.service;
