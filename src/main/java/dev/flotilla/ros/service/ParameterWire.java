package dev.flotilla.ros.service;

import dev.flotilla.cdr.CdrReader;
import dev.flotilla.cdr.CdrWriter;
import dev.flotilla.msgs.rcl_interfaces.ListParametersResult;
import dev.flotilla.msgs.rcl_interfaces.Parameter;
import dev.flotilla.msgs.rcl_interfaces.ParameterDescriptor;
import dev.flotilla.msgs.rcl_interfaces.ParameterValue;
import dev.flotilla.msgs.rcl_interfaces.SetParametersResult;
import dev.flotilla.ros.RequestHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDR bodies of the {@code rcl_interfaces/srv} parameter services, after the
 * {@link RequestHeader}: each request's fields and each response's, as rosidl lays them out
 * (nested messages through their generated codecs). Sequence lengths are checked against the
 * bytes left, so a forged length costs nothing.
 */
final class ParameterWire {
  private ParameterWire() {}

  /**
   * {@code ListParameters_Request}: {@code string[] prefixes}, {@code uint64 depth}.
   *
   * @param prefixes the prefixes asked for
   * @param depth separators below a prefix to list; 0 lists all
   */
  record ListRequest(List<String> prefixes, long depth) {}

  static ListRequest readList(CdrReader r) {
    List<String> prefixes = readStrings(r);
    return new ListRequest(prefixes, r.readInt64());
  }

  /** {@code string[] names}: GetParameters, DescribeParameters, GetParameterTypes. */
  static List<String> readStrings(CdrReader r) {
    int n = r.readSequenceLength(5);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(r.readString());
    }
    return out;
  }

  /** {@code Parameter[] parameters}: SetParameters, SetParametersAtomically. */
  static List<Parameter> readParameters(CdrReader r) {
    int n = r.readSequenceLength(8);
    List<Parameter> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Parameter.read(r));
    }
    return out;
  }

  /** {@code ListParameters_Response}: {@code ListParametersResult result}. */
  static void writeList(CdrWriter w, ListParametersResult result) {
    result.write(w);
  }

  /** {@code GetParameters_Response}: {@code ParameterValue[] values}. */
  static void writeValues(CdrWriter w, List<ParameterValue> values) {
    w.writeSequenceLength(values.size());
    values.forEach(v -> v.write(w));
  }

  /** {@code SetParameters_Response}: {@code SetParametersResult[] results}. */
  static void writeResults(CdrWriter w, List<SetParametersResult> results) {
    w.writeSequenceLength(results.size());
    results.forEach(x -> x.write(w));
  }

  /** {@code SetParametersAtomically_Response}: {@code SetParametersResult result}. */
  static void writeResult(CdrWriter w, SetParametersResult result) {
    result.write(w);
  }

  /** {@code DescribeParameters_Response}: {@code ParameterDescriptor[] descriptors}. */
  static void writeDescriptors(CdrWriter w, List<ParameterDescriptor> descriptors) {
    w.writeSequenceLength(descriptors.size());
    descriptors.forEach(d -> d.write(w));
  }

  /** {@code GetParameterTypes_Response}: {@code uint8[] types}. */
  static void writeTypes(CdrWriter w, byte[] types) {
    w.writeSequenceLength(types.length);
    w.writeBytes(types);
  }

  /**
   * The reply to a request whose body did not decode: nothing listed or found, and for a set a
   * failed result carrying the reason.
   */
  static void writeError(CdrWriter w, ParameterService service, String reason) {
    switch (service) {
      case LIST_PARAMETERS -> writeList(w, new ListParametersResult(List.of(), List.of()));
      case GET_PARAMETERS -> writeValues(w, List.of());
      case SET_PARAMETERS -> writeResults(w, List.of(new SetParametersResult(false, reason)));
      case SET_PARAMETERS_ATOMICALLY -> writeResult(w, new SetParametersResult(false, reason));
      case DESCRIBE_PARAMETERS -> writeDescriptors(w, List.of());
      case GET_PARAMETER_TYPES -> writeTypes(w, new byte[0]);
      default -> throw new IllegalStateException("Unhandled service " + service + ".");
    }
  }
}
