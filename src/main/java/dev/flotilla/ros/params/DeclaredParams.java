package dev.flotilla.ros.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters a node read at start with the values it uses ({@link ParamReader#declared}),
 * and the file they came from: what a {@link ParameterTable} starts from.
 *
 * @param source the parameter file's name
 * @param values names to values, in the order they were read
 */
public record DeclaredParams(String source, Map<String, JsonNode> values) {
  /** Nothing declared: a node built without a parameter file serves no parameters. */
  public static final DeclaredParams NONE = new DeclaredParams("(none)", Map.of());

  public DeclaredParams {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
