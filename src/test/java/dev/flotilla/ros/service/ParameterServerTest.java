package dev.flotilla.ros.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.flotilla.cdr.CdrReader;
import dev.flotilla.cdr.CdrWriter;
import dev.flotilla.msgs.builtin_interfaces.Time;
import dev.flotilla.msgs.rcl_interfaces.ListParametersResult;
import dev.flotilla.msgs.rcl_interfaces.Parameter;
import dev.flotilla.msgs.rcl_interfaces.ParameterDescriptor;
import dev.flotilla.msgs.rcl_interfaces.ParameterEvent;
import dev.flotilla.msgs.rcl_interfaces.ParameterValue;
import dev.flotilla.msgs.rcl_interfaces.SetParametersResult;
import dev.flotilla.ros.RequestHeader;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParameterTable;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The parameter services' answers, request and reply as bytes: the rmw_cyclonedds request header
 * echoed, rosidl's CDR layout checked against hand-built vectors, and bad input refused without
 * changing a parameter.
 */
class ParameterServerTest {
  record Params(double timeout, double period, List<String> tags) {
    static Params read(ParamReader p) {
      Params out = new Params(p.number("heartbeat_timeout", 1.0, 0.01, 3600),
          p.number("check_period", 0.05, 0.001, 60), p.strings("robots.r1.tags", List.of()));
      p.finish();
      return out;
    }
  }

  final List<Params> applied = new ArrayList<>();
  final List<ParameterEvent> events = new ArrayList<>();

  ParameterServer<Params> server() {
    return new ParameterServer<>(table(), "/synchronizer", applied::add, events::add,
        () -> new Time(7, 0), Logger.getLogger("test"));
  }

  static ParameterTable<Params> table() {
    RosParamsFile file = RosParamsFile.parse("fleet.yaml", """
        synchronizer:
          ros__parameters:
            heartbeat_timeout: 2.5
        """);
    ParamReader reader = file.forNode("/", "synchronizer");
    Params.read(reader);
    return new ParameterTable<>("fleet.yaml", "synchronizer", reader.declared(),
        Set.of("heartbeat_timeout"), Params::read);
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  /** A little-endian request: encapsulation, client id 0x0102030405060708, sequence 42. */
  static final String HEADER_LE = "00010000 0807060504030201 2a00000000000000";

  @Test
  void getParametersEchoesTheHeaderAndLaysOutTheValueAsRosidl() {
    byte[] request = hex(HEADER_LE + "01000000 12000000"
        + HexFormat.of().formatHex("heartbeat_timeout\0".getBytes()));
    byte[] reply = server().handle(ParameterService.GET_PARAMETERS, request);
    String expected = HEADER_LE
        + "01000000"                 // one value
        + "03 00 0000"               // type DOUBLE, bool_value, padding to 8
        + "0000000000000000"         // integer_value
        + "0000000000000440"         // double_value 2.5
        + "01000000 00 000000"       // string_value "", padding to 4
        + "00000000 00000000 00000000 00000000 00000000"; // five empty arrays
    assertArrayEquals(hex(expected), reply, HexFormat.of().formatHex(reply));
  }

  @Test
  void aBigEndianRequestIsAnsweredWithTheSameIdAndSequence() {
    byte[] request = hex("00000000 0102030405060708 000000000000002a 00000001 0000000a")
        .clone();
    byte[] withName = new byte[request.length + 10];
    System.arraycopy(request, 0, withName, 0, request.length);
    System.arraycopy("check_per\0".getBytes(), 0, withName, request.length, 10);
    byte[] reply = server().handle(ParameterService.GET_PARAMETER_TYPES, withName);
    // An unknown name has type NOT_SET (0).
    assertArrayEquals(hex(HEADER_LE + "01000000 00"), reply);
    CdrReader r = new CdrReader(reply);
    assertEquals(new RequestHeader(0x0102030405060708L, 42), RequestHeader.read(r));
  }

  @Test
  void headerRoundTrips() {
    CdrWriter w = new CdrWriter();
    new RequestHeader(-2, Long.MAX_VALUE).write(w);
    assertArrayEquals(hex("00010000 feffffffffffffff ffffffffffffff7f"), w.toByteArray());
    assertEquals(new RequestHeader(-2, Long.MAX_VALUE),
        RequestHeader.read(new CdrReader(w.toByteArray())));
  }

  @Test
  void listAndDescribeShowEveryParameterAndWhichAreReadOnly() {
    ParameterServer<Params> s = server();
    CdrWriter w = request();
    w.writeSequenceLength(0);
    w.writeInt64(0);
    CdrReader r = reply(s.handle(ParameterService.LIST_PARAMETERS, w.toByteArray()));
    ListParametersResult list = ListParametersResult.read(r);
    assertEquals(List.of("heartbeat_timeout", "check_period", "robots.r1.tags"), list.names());
    assertEquals(List.of("robots.r1"), list.prefixes());

    w = request();
    w.writeSequenceLength(2);
    w.writeString("heartbeat_timeout");
    w.writeString("check_period");
    r = reply(s.handle(ParameterService.DESCRIBE_PARAMETERS, w.toByteArray()));
    assertEquals(2, r.readSequenceLength(1));
    ParameterDescriptor live = ParameterDescriptor.read(r);
    ParameterDescriptor fixed = ParameterDescriptor.read(r);
    assertFalse(live.readOnly());
    assertEquals(3, live.type());
    assertTrue(fixed.readOnly());
  }

  @Test
  void setAppliesALiveValuePublishesAnEventAndRefusesTheRestWithReasons() {
    ParameterServer<Params> s = server();
    CdrWriter w = request();
    w.writeSequenceLength(4);
    new Parameter("heartbeat_timeout", ParameterValues.toRos(
        DoubleNode.valueOf(4.0))).write(w);
    new Parameter("heartbeat_timeout", ParameterValues.toRos(
        DoubleNode.valueOf(0.001))).write(w);
    new Parameter("check_period", ParameterValues.toRos(
        DoubleNode.valueOf(1.0))).write(w);
    new Parameter("nope", ParameterValues.notSet()).write(w);
    CdrReader r = reply(s.handle(ParameterService.SET_PARAMETERS, w.toByteArray()));
    assertEquals(4, r.readSequenceLength(1));
    SetParametersResult ok = SetParametersResult.read(r);
    SetParametersResult low = SetParametersResult.read(r);
    SetParametersResult readOnly = SetParametersResult.read(r);
    SetParametersResult unknown = SetParametersResult.read(r);
    assertTrue(ok.successful(), ok.reason());
    assertEquals("synchronizer.heartbeat_timeout must be within [0.01, 3600.0], got 0.001.",
        low.reason());
    assertFalse(readOnly.successful());
    assertTrue(readOnly.reason().contains("read-only"), readOnly.reason());
    assertFalse(unknown.successful());
    assertEquals(List.of(new Params(4.0, 0.05, List.of())), applied);
    assertEquals(1, events.size());
    assertEquals("/synchronizer", events.get(0).node());
    assertEquals("heartbeat_timeout", events.get(0).changedParameters().get(0).name());
    assertEquals(4.0, events.get(0).changedParameters().get(0).value().doubleValue());
    assertEquals(3, s.rejected());
  }

  @Test
  void aChangeTheNodeCannotTakeIsRefusedAndTheTableKeepsTheOldValue() {
    ParameterServer<Params> s = server();
    ParameterServer<Params> failing = new ParameterServer<>(table(), "/synchronizer",
        p -> {
          throw new IllegalStateException("busy");
        }, events::add, () -> new Time(7, 0), Logger.getLogger("test"));
    CdrWriter w = request();
    w.writeSequenceLength(1);
    new Parameter("heartbeat_timeout", ParameterValues.toRos(
        DoubleNode.valueOf(4.0))).write(w);
    CdrReader r = reply(failing.handle(ParameterService.SET_PARAMETERS_ATOMICALLY,
        w.toByteArray()));
    SetParametersResult result = SetParametersResult.read(r);
    assertFalse(result.successful());
    assertTrue(result.reason().contains("could not take the change"), result.reason());
    assertTrue(events.isEmpty());
    w = request();
    w.writeSequenceLength(1);
    w.writeString("heartbeat_timeout");
    r = reply(failing.handle(ParameterService.GET_PARAMETERS, w.toByteArray()));
    assertEquals(1, r.readSequenceLength(1));
    assertEquals(2.5, ParameterValue.read(r).doubleValue());
    assertEquals(0, s.rejected());
  }

  @Test
  void malformedRequestsAreCountedAndChangeNothing() {
    ParameterServer<Params> s = server();
    // Too short for a header: nothing to address a reply to.
    assertNull(s.handle(ParameterService.SET_PARAMETERS, hex("00010000 0807060504030201")));
    assertNull(s.handle(ParameterService.SET_PARAMETERS, hex("0001")));
    assertNull(s.handle(ParameterService.SET_PARAMETERS, hex("7f7f0000 0807060504030201 "
        + "2a00000000000000")));
    // A header and a forged sequence length: an error reply carrying the reason.
    byte[] reply = s.handle(ParameterService.SET_PARAMETERS_ATOMICALLY,
        hex(HEADER_LE + "ffffffff"));
    CdrReader r = reply(reply);
    SetParametersResult result = SetParametersResult.read(r);
    assertFalse(result.successful());
    assertTrue(result.reason().startsWith("The set_parameters_atomically request did not "
        + "decode"), result.reason());
    // A request beyond the size limit is not read.
    assertNull(s.handle(ParameterService.GET_PARAMETERS,
        new byte[ParameterServer.MAX_REQUEST_BYTES + 1]));
    assertEquals(5, s.rejected());
    assertTrue(applied.isEmpty());
    assertTrue(events.isEmpty());
  }

  private static CdrWriter request() {
    CdrWriter w = new CdrWriter();
    new RequestHeader(99, 1).write(w);
    return w;
  }

  private static CdrReader reply(byte[] reply) {
    CdrReader r = new CdrReader(reply);
    RequestHeader.read(r);
    return r;
  }
}
