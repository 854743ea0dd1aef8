package dev.flotilla.ros.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.cdr.CdrException;
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
import dev.flotilla.ros.params.ParameterTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a node's parameter services answer, free of transport: one request payload in (the
 * {@link RequestHeader}, then the service's request), one reply payload out (the same header,
 * then the response). An accepted change is handed to the node ({@code apply}), logged, and
 * announced as a {@code rcl_interfaces/msg/ParameterEvent}.
 *
 * <p>Bad input never throws and never changes a parameter: a payload without a readable header
 * (too short, not CDR) cannot be answered and is counted and logged; a header followed by a body
 * that does not decode gets an error reply (for a set, a failed result with the reason) and is
 * counted. Requests larger than {@link #MAX_REQUEST_BYTES} are refused unread.
 *
 * <p>Not thread-safe: call it on the node's executor thread, where the node reads its
 * parameters. A request costs O(its size + the node's parameters).
 *
 * @param <T> the node's parameters record
 */
public final class ParameterServer<T> {
  /** Largest request read, in bytes: far above any {@code ros2 param} request. */
  public static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final ParameterTable<T> table;
  private final String nodeName;
  private final Consumer<T> apply;
  private final Consumer<ParameterEvent> events;
  private final Supplier<Time> stamp;
  private final Logger log;
  private final AtomicLong rejected = new AtomicLong();

  /**
   * @param table the node's parameters
   * @param nodeName the node's fully qualified name, e.g. {@code /allocator}, for events
   * @param apply makes a node take an accepted change, on the calling thread
   * @param events publishes each accepted change
   * @param stamp the node clock's current time, for events
   * @param log the node's logger
   */
  public ParameterServer(ParameterTable<T> table, String nodeName, Consumer<T> apply,
      Consumer<ParameterEvent> events, Supplier<Time> stamp, Logger log) {
    this.table = table;
    this.nodeName = nodeName;
    this.apply = apply;
    this.events = events;
    this.stamp = stamp;
    this.log = log;
  }

  /** @return requests refused or answered with an error since start */
  public long rejected() {
    return rejected.get();
  }

  /**
   * @param service which service the request came to
   * @param request the request payload, encapsulation header first
   * @return the reply payload, or null when the request cannot be answered
   */
  public byte[] handle(ParameterService service, byte[] request) {
    if (request.length > MAX_REQUEST_BYTES) {
      reject(service, "a request of " + request.length + " bytes exceeds the "
          + MAX_REQUEST_BYTES + "-byte limit; not read");
      return null;
    }
    CdrReader r;
    RequestHeader header;
    try {
      r = new CdrReader(request);
      header = RequestHeader.read(r);
    } catch (CdrException e) {
      reject(service, "the request has no readable request header (" + e.getMessage()
          + "); no reply can be addressed");
      return null;
    }
    CdrWriter w = new CdrWriter();
    header.write(w);
    try {
      answer(service, r, w);
    } catch (CdrException | IllegalArgumentException | NullPointerException e) {
      String reason = "The " + service.serviceName() + " request did not decode: "
          + e.getMessage() + ".";
      reject(service, reason);
      w.reset();
      header.write(w);
      ParameterWire.writeError(w, service, reason);
    }
    return w.toByteArray();
  }

  private void answer(ParameterService service, CdrReader r, CdrWriter w) {
    switch (service) {
      case LIST_PARAMETERS -> ParameterWire.writeList(w, list(ParameterWire.readList(r)));
      case GET_PARAMETERS -> {
        List<ParameterValue> values = new ArrayList<>();
        for (String name : ParameterWire.readStrings(r)) {
          values.add(ParameterValues.toRos(table.value(name)));
        }
        ParameterWire.writeValues(w, values);
      }
      case SET_PARAMETERS -> {
        List<Parameter> parameters = ParameterWire.readParameters(r);
        List<SetParametersResult> results = new ArrayList<>();
        List<Parameter> changed = new ArrayList<>();
        for (Parameter p : parameters) {
          results.add(set(List.of(p), changed));
        }
        ParameterWire.writeResults(w, results);
        announce(changed);
      }
      case SET_PARAMETERS_ATOMICALLY -> {
        List<Parameter> changed = new ArrayList<>();
        ParameterWire.writeResult(w, set(ParameterWire.readParameters(r), changed));
        announce(changed);
      }
      case DESCRIBE_PARAMETERS -> {
        List<ParameterDescriptor> out = new ArrayList<>();
        for (String name : ParameterWire.readStrings(r)) {
          out.add(describe(name));
        }
        ParameterWire.writeDescriptors(w, out);
      }
      case GET_PARAMETER_TYPES -> {
        List<String> names = ParameterWire.readStrings(r);
        byte[] types = new byte[names.size()];
        for (int i = 0; i < types.length; i++) {
          types[i] = ParameterValues.type(table.value(names.get(i)));
        }
        ParameterWire.writeTypes(w, types);
      }
      default -> throw new IllegalStateException("Unhandled service " + service + ".");
    }
  }

  /**
   * Names and prefixes as rclcpp's {@code list_parameters} gives them: with no prefix, every
   * name with fewer than {@code depth} dots (all when depth is 0); with prefixes, the names equal
   * to one or below it by fewer than {@code depth} further dots; and the prefixes (the part before
   * the last dot) of the names listed.
   */
  private ListParametersResult list(ParameterWire.ListRequest q) {
    List<String> names = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (String name : table.names()) {
      boolean all = q.prefixes().isEmpty() && (q.depth() == 0 || dots(name) < q.depth());
      boolean matches = false;
      for (String prefix : q.prefixes()) {
        if (name.equals(prefix) || (name.startsWith(prefix + ".") && (q.depth() == 0
            || dots(name.substring(prefix.length() + 1)) < q.depth()))) {
          matches = true;
          break;
        }
      }
      if (all || matches) {
        names.add(name);
        int last = name.lastIndexOf('.');
        if (last > 0 && !prefixes.contains(name.substring(0, last))) {
          prefixes.add(name.substring(0, last));
        }
      }
    }
    return new ListParametersResult(names, prefixes);
  }

  private static long dots(String s) {
    return s.chars().filter(c -> c == '.').count();
  }

  /** Sets parameters together; an accepted change is applied, logged and added to changed. */
  private SetParametersResult set(List<Parameter> parameters, List<Parameter> changed) {
    Map<String, JsonNode> changes = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      JsonNode value = ParameterValues.fromRos(p.value());
      if (value == null) {
        return refused(table.node() + "." + p.name() + " cannot be deleted or set to a value of "
            + "type " + (p.value().type() & 0xff) + "; give it a value of its own type.");
      }
      changes.put(p.name(), value);
    }
    Map<String, JsonNode> previous = new LinkedHashMap<>();
    changes.keySet().forEach(name -> previous.put(name, table.value(name)));
    ParameterTable.Outcome<T> outcome = table.set(changes);
    if (!outcome.accepted()) {
      return refused(outcome.reason());
    }
    try {
      apply.accept(outcome.params());
    } catch (RuntimeException e) {
      table.restore(previous);
      log.log(Level.SEVERE, "parameter change validated but not taken by the node", e);
      return refused(table.node() + " could not take the change (" + e + "); nothing changed.");
    }
    for (Map.Entry<String, JsonNode> c : changes.entrySet()) {
      log.info("parameter " + c.getKey() + " set to " + c.getValue() + " (ros2 param set)");
      changed.add(new Parameter(c.getKey(), ParameterValues.toRos(c.getValue())));
    }
    return new SetParametersResult(true, "");
  }

  private SetParametersResult refused(String reason) {
    rejected.incrementAndGet();
    log.warning("parameter change refused: " + reason);
    return new SetParametersResult(false, reason);
  }

  private void announce(List<Parameter> changed) {
    if (!changed.isEmpty()) {
      events.accept(new ParameterEvent(stamp.get(), nodeName, List.of(), changed, List.of()));
    }
  }

  private ParameterDescriptor describe(String name) {
    JsonNode value = table.value(name);
    if (value == null) {
      return ParameterDescriptor.builder().name(name).type(ParameterValues.NOT_SET)
          .description("not a parameter of " + table.node()).readOnly(true).build();
    }
    boolean readOnly = table.readOnly(name);
    return ParameterDescriptor.builder().name(name).type(ParameterValues.type(value))
        .description(readOnly ? "read once at start; change it in the parameter file and restart"
            : "takes effect at once when set, validated as at start")
        .readOnly(readOnly).build();
  }

  /**
   * Counts and logs a request refused before it was read, e.g. because too many wait already.
   *
   * @param service the service it came to
   * @param why one sentence
   */
  public void refuseUnread(ParameterService service, String why) {
    reject(service, why);
  }

  private void reject(ParameterService service, String why) {
    rejected.incrementAndGet();
    log.warning("parameter service " + service.serviceName() + ": request rejected: " + why);
  }
}
