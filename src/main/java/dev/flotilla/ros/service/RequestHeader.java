package dev.flotilla.ros.service;

import dev.flotilla.cdr.CdrReader;
import dev.flotilla.cdr.CdrWriter;

/**
 * The header rmw_cyclonedds puts at the start of every service request and reply payload, right
 * after the 4-byte encapsulation header ({@code cdds_request_header_t} in its
 * {@code serdata.hpp}): the client's id, a {@code uint64} the client makes from its GUID, and the
 * request's {@code int64} sequence number, both in the payload's byte order. A reply must carry
 * the request's header unchanged: the client drops replies whose id is not its own.
 *
 * @param clientId the client's 64-bit id, compared bit for bit
 * @param sequence the request's sequence number
 */
public record RequestHeader(long clientId, long sequence) {
  /** Encoded size: two 8-byte integers. */
  public static final int SIZE = 16;

  /**
   * @param r a request payload's reader, positioned after the encapsulation header
   * @return the header
   * @throws dev.flotilla.cdr.CdrException when the payload is too short
   */
  public static RequestHeader read(CdrReader r) {
    long id = r.readInt64();
    long sequence = r.readInt64();
    return new RequestHeader(id, sequence);
  }

  /** @param w a reply's writer, positioned after the encapsulation header */
  public void write(CdrWriter w) {
    w.writeInt64(clientId);
    w.writeInt64(sequence);
  }
}
