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
 * REP-2011 hashes of service types, as Jazzy's rmw advertises them in the USER_DATA of a
 * service's request reader and reply writer. rosidl describes a service {@code pkg/srv/X} as a
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

  private static final Map<ParameterService, String> CACHE = new HashMap<>();

  private ServiceTypeHashes() {}

  /**
   * @param service a parameter service
   * @return its type's hash, or "" when it cannot be computed (logged; endpoints then advertise
   *     none, as rmw does for a type without a hash)
   */
  public static synchronized String of(ParameterService service) {
    return CACHE.computeIfAbsent(service, s -> {
      try {
        return of(s.rosType(), PARAMETER_SRV.get(s), ServiceTypeHashes::known);
      } catch (RuntimeException e) {
        LOG.warning("No REP-2011 type hash for " + s.rosType() + ": " + e.getMessage());
        return "";
      }
    });
  }

  /**
   * The hash of a service type from its {@code .srv} text.
   *
   * @param serviceType {@code pkg/srv/X}
   * @param srvText the request, {@code ---}, the response
   * @param lookup the definition of a message type the text uses, or null when unknown
   * @return {@code RIHS01_<64 hex>}
   * @throws IllegalArgumentException when a needed definition is missing
   */
  public static String of(String serviceType, String srvText, Function<String, MsgSpec> lookup) {
    Map<String, MsgSpec> own = new HashMap<>(MsgParser.parseSchema(serviceType + "_Event",
        srvText));
    own.put(serviceType, new MsgSpec(serviceType, List.of(
        nested("request_message", serviceType + "_Request"),
        nested("response_message", serviceType + "_Response"),
        nested("event_message", serviceType + "_Event")), List.of()));
    return TypeHashes.of(serviceType, name -> {
      MsgSpec s = own.get(name);
      return s != null ? s : lookup.apply(name);
    });
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
