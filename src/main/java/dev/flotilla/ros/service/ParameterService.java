package dev.flotilla.ros.service;

import java.util.Locale;

/**
 * The six parameter services of a ROS 2 node, with the names rcl gives them
 * ({@code <node>/list_parameters}, …) and their rosidl types in {@code rcl_interfaces/srv}.
 */
public enum ParameterService {
  LIST_PARAMETERS("ListParameters"),
  GET_PARAMETERS("GetParameters"),
  SET_PARAMETERS("SetParameters"),
  SET_PARAMETERS_ATOMICALLY("SetParametersAtomically"),
  DESCRIBE_PARAMETERS("DescribeParameters"),
  GET_PARAMETER_TYPES("GetParameterTypes");

  /** The package of the service types. */
  public static final String PACKAGE = "rcl_interfaces";
  private final String typeName;

  ParameterService(String typeName) {
    this.typeName = typeName;
  }

  /** @return the service name under the node, e.g. {@code get_parameters} */
  public String serviceName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return the ROS 2 service type, e.g. {@code rcl_interfaces/srv/GetParameters} */
  public String rosType() {
    return PACKAGE + "/srv/" + typeName;
  }

  /**
   * @return the request's DDS type name, e.g.
   *     {@code rcl_interfaces::srv::dds_::GetParameters_Request_}
   */
  public String requestDdsType() {
    return PACKAGE + "::srv::dds_::" + typeName + "_Request_";
  }

  /**
   * @return the reply's DDS type name, e.g.
   *     {@code rcl_interfaces::srv::dds_::GetParameters_Response_}
   */
  public String replyDdsType() {
    return PACKAGE + "::srv::dds_::" + typeName + "_Response_";
  }

  /**
   * @param nodeName node name
   * @param namespace node namespace, {@code /} or {@code /ns}
   * @return the request topic on DDS, e.g. {@code rq/ns/allocator/get_parametersRequest}
   */
  public String requestTopic(String nodeName, String namespace) {
    return "rq" + fullName(nodeName, namespace) + "Request";
  }

  /**
   * @param nodeName node name
   * @param namespace node namespace
   * @return the reply topic on DDS, e.g. {@code rr/ns/allocator/get_parametersReply}
   */
  public String replyTopic(String nodeName, String namespace) {
    return "rr" + fullName(nodeName, namespace) + "Reply";
  }

  /** @return {@code /ns/node/service} */
  private String fullName(String nodeName, String namespace) {
    String ns = namespace.equals("/") ? "" : namespace;
    return ns + "/" + nodeName + "/" + serviceName();
  }
}
