package dev.flotilla.ros.action;

import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import java.util.function.Consumer;

/**
 * Raw endpoints under literal DDS topic and type names, which an action's services and topics
 * need ({@code rq/…Request}, {@code rr/…Reply}, {@code rt/…/_action/status}). Over DDS it is
 * {@link DdsBus}'s literal raw endpoints; tests put an in-memory one in its place.
 */
public interface ActionTransport {

  /**
   * @param ddsTopic DDS topic name
   * @param ddsType DDS type name
   * @param qos delivery guarantees
   * @return a writer
   */
  DdsBus.RawWriter writer(String ddsTopic, String ddsType, QosProfile qos);

  /**
   * @param ddsTopic DDS topic name
   * @param ddsType DDS type name
   * @param qos delivery guarantees requested
   * @param handler called once per sample, on a middleware thread
   * @return the reader
   */
  DdsBus.RawReader reader(String ddsTopic, String ddsType, QosProfile qos,
      Consumer<DdsBus.RawSample> handler);

  /**
   * @param bus a DDS participant
   * @return its literal raw endpoints, each request or reply at most {@code maxPayloadBytes}
   */
  static ActionTransport over(DdsBus bus) {
    return new ActionTransport() {
      @Override
      public DdsBus.RawWriter writer(String ddsTopic, String ddsType, QosProfile qos) {
        return bus.literalRawWriter(ddsTopic, ddsType, qos, 64 * 1024);
      }

      @Override
      public DdsBus.RawReader reader(String ddsTopic, String ddsType, QosProfile qos,
          Consumer<DdsBus.RawSample> handler) {
        return bus.literalRawReader(ddsTopic, ddsType, qos, handler);
      }
    };
  }
}
