package dev.flotilla.ros.action;

import dev.flotilla.ros.RequestHeader;
import java.util.Locale;

/**
 * How a service matches replies to requests, which depends on the server's rmw: the client must
 * use the server's, since a request readable by one is not by the other.
 */
public enum RequestConvention {
  /**
   * rmw_cyclonedds: a {@link RequestHeader} (client id, sequence number) before the request's
   * fields; the reply carries it back the same way.
   */
  CYCLONEDDS,
  /**
   * rmw_fastrtps: no header in the payload; the reply's related sample identity is the request's
   * sample identity (our request writer's GUID and the sequence number DDS gave the request).
   */
  FASTRTPS;

  /** @return the parameter value naming this convention */
  public String parameterValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param name {@code cyclonedds} or {@code fastrtps}
   * @return the convention
   */
  public static RequestConvention of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
