package dev.flotilla.ros;

import dev.flotilla.cdr.CdrException;
import dev.flotilla.cdr.CdrReader;
import dev.flotilla.cdr.CdrWriter;
import java.util.Arrays;

/**
 * rmw_cyclonedds' request header ({@code cdds_request_header_t}: a 64-bit client id, then a 64-bit
 * sequence number), written in the payload's byte order right after the CDR encapsulation header
 * and before the request's own fields; the server copies it into its reply. Sixteen bytes keep
 * the fields after it aligned as in a payload without it, so a body is cut out or put in by
 * moving bytes. A reply must carry its request's header unchanged: the client drops replies
 * whose id is not its own. Service servers read and write it in place ({@link #read},
 * {@link #write}); clients put it in front of a body and cut it off a reply ({@link #prepend},
 * {@link #split}).
 *
 * @param clientId the client's id (rmw_cyclonedds uses its request writer's instance handle; any
 *     64-bit value unique to the client will do)
 * @param sequence the request's number, from 1
 */
public record RequestHeader(long clientId, long sequence) {
  /** Bytes of the header inside the payload. */
  public static final int SIZE = 16;

  /**
   * @param r a payload's reader, positioned after the encapsulation header
   * @return the header
   * @throws CdrException when the payload is too short
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

  /**
   * @param body a request payload without a header, encapsulation header first
   * @return the payload with this header in front of its fields
   */
  public byte[] prepend(byte[] body) {
    if (body.length < CdrWriter.HEADER_SIZE) {
      throw new IllegalArgumentException("A CDR payload needs its 4-byte encapsulation header.");
    }
    CdrWriter w = new CdrWriter(new CdrReader(body).order(), SIZE);
    w.writeInt64(clientId);
    w.writeInt64(sequence);
    byte[] head = w.toByteArray();
    byte[] out = Arrays.copyOf(head, head.length + body.length - CdrWriter.HEADER_SIZE);
    // Keep the body's own encapsulation header (byte order, options).
    System.arraycopy(body, 0, out, 0, CdrWriter.HEADER_SIZE);
    System.arraycopy(body, CdrWriter.HEADER_SIZE, out, head.length,
        body.length - CdrWriter.HEADER_SIZE);
    return out;
  }

  /**
   * A payload split into its header and its body.
   *
   * @param header the header
   * @param body the payload without the header, encapsulation header first
   */
  public record Split(RequestHeader header, byte[] body) {}

  /**
   * @param payload a payload that starts with a header (a reply of an rmw_cyclonedds service)
   * @return the header and the rest
   * @throws CdrException when the payload is too short or its encapsulation is not CDR
   */
  public static Split split(byte[] payload) {
    CdrReader r = new CdrReader(payload);
    if (r.remaining() < SIZE) {
      throw new CdrException(r.position(), "A reply with an rmw_cyclonedds request header needs "
          + SIZE + " header bytes, got " + r.remaining());
    }
    RequestHeader h = new RequestHeader(r.readInt64(), r.readInt64());
    byte[] body = new byte[payload.length - SIZE];
    System.arraycopy(payload, 0, body, 0, CdrWriter.HEADER_SIZE);
    System.arraycopy(payload, CdrWriter.HEADER_SIZE + SIZE, body, CdrWriter.HEADER_SIZE,
        body.length - CdrWriter.HEADER_SIZE);
    return new Split(h, body);
  }
}
