package dev.flotilla.ros.service;

import dev.flotilla.bag.msgdef.FieldType;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.bag.msgdef.MsgField;
import dev.flotilla.bag.msgdef.MsgParser;
import dev.flotilla.bag.msgdef.MsgSpec;
import dev.flotilla.msgs.GeneratedTypes;
import dev.flotilla.msgs.MessageType;
import dev.flotilla.typehash.TypeHashes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * REP-2011 hashes of service types. Jazzy's rmw_cyclonedds advertises in USER_DATA the request
 * message's hash on the request topic's endpoints and the response message's on the reply
 * topic's ({@code rmw_init_cs}). rosidl describes a service {@code pkg/srv/X} itself as a
 * structure of three nested fields, {@code request_message} ({@code X_Request}),
 * {@code response_message} ({@code X_Response}) and {@code event_message} ({@code X_Event}),
 * referencing every type those reach.
 */
public final class ServiceTypeHashes {
  private static final Logger LOG = Logger.getLogger(ServiceTypeHashes.class.getName());

  /** The {@code .srv} texts of the parameter services (rcl_interfaces, Jazzy), no comments. */
  private static final Map<ParameterService, String> PARAMETER_SRV = Map.of(
      ParameterService.LIST_PARAMETERS,
      "uint64 DEPTH_RECURSIVE=0\nstring[] prefixes\nuint64 depth\n---\n"
          + "ListParametersResult result\n",
      ParameterService.GET_PARAMETERS, "string[] names\n---\nParameterValue[] values\n",
      ParameterService.SET_PARAMETERS,
      "Parameter[] parameters\n---\nSetParametersResult[] results\n",
      ParameterService.SET_PARAMETERS_ATOMICALLY,
      "Parameter[] parameters\n---\nSetParametersResult result\n",
      ParameterService.DESCRIBE_PARAMETERS,
      "string[] names\n---\nParameterDescriptor[] descriptors\n",
      ParameterService.GET_PARAMETER_TYPES, "string[] names\n---\nuint8[] types\n");

  private static final Map<ParameterService, Hashes> CACHE = new HashMap<>();

  /**
   * The three hashes of one service type.
   *
   * @param service the service type's, {@code pkg/srv/X}
   * @param request its request message's, {@code pkg/srv/X_Request}: what the request topic's
   *     endpoints advertise
   * @param response its response message's, {@code pkg/srv/X_Response}: what the reply topic's
   *     endpoints advertise
   */
  public record Hashes(String service, String request, String response) {
    /** No hash known: endpoints advertise none. */
    static final Hashes NONE = new Hashes("", "", "");
  }

  private ServiceTypeHashes() {}

  /**
   * @param service a parameter service
   * @return its hashes; all "" when they cannot be computed (logged; endpoints then advertise
   *     none, as rmw does for a type without a hash)
   */
  public static synchronized Hashes of(ParameterService service) {
    return CACHE.computeIfAbsent(service, s -> {
      try {
        return of(s.rosType(), PARAMETER_SRV.get(s), ServiceTypeHashes::known);
      } catch (RuntimeException e) {
        LOG.warning("No REP-2011 type hash for " + s.rosType() + ": " + e.getMessage());
        return Hashes.NONE;
      }
    });
  }

  /**
   * The hashes of a service type from its {@code .srv} text.
   *
   * @param serviceType {@code pkg/srv/X}
   * @param srvText the request, {@code ---}, the response
   * @param lookup the definition of a message type the text uses, or null when unknown
   * @return {@code RIHS01_<64 hex>} of the service, its request and its response
   * @throws IllegalArgumentException when a needed definition is missing
   */
  public static Hashes of(String serviceType, String srvText, Function<String, MsgSpec> lookup) {
    Map<String, MsgSpec> own = new HashMap<>(MsgParser.parseSchema(serviceType + "_Event",
        srvText));
    own.put(serviceType, new MsgSpec(serviceType, List.of(
        nested("request_message", serviceType + "_Request"),
        nested("response_message", serviceType + "_Response"),
        nested("event_message", serviceType + "_Event")), List.of()));
    Function<String, MsgSpec> all = name -> {
      MsgSpec s = own.get(name);
      return s != null ? s : lookup.apply(name);
    };
    return new Hashes(TypeHashes.of(serviceType, all),
        TypeHashes.of(serviceType + "_Request", all),
        TypeHashes.of(serviceType + "_Response", all));
  }

  private static MsgField nested(String name, String type) {
    return new MsgField(name, new FieldType(type, false, FieldType.ArrayKind.NONE, 0, 0), null);
  }

  /** A message definition from the generated bindings, else from the bundled common ones. */
  private static MsgSpec known(String name) {
    for (MessageType<?> t : GeneratedTypes.ALL) {
      if (t.rosName().equals(name)) {
        return MsgParser.parseSchema(name, t.definition()).get(name);
      }
    }
    return MessageDefinitions.bundled().spec(name);
  }
}
