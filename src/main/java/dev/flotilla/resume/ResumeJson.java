package dev.flotilla.resume;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and writes resumes as JSON with snake_case field names (schema in docs/resume.md), e.g.
 * for publishing on {@code /flotilla/resumes}.
 */
public final class ResumeJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ResumeJson() {}

  /**
   * Serialises a resume.
   *
   * @param resume the resume
   * @return pretty-printed JSON
   */
  public static String toJson(RobotResume resume) {
    try {
      return MAPPER.writeValueAsString(resume);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "A resume could not be written as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Parses a resume.
   *
   * @param json JSON produced by {@link #toJson}
   * @return the resume
   * @throws IllegalArgumentException when the JSON does not hold a resume
   */
  public static RobotResume fromJson(String json) {
    try {
      return MAPPER.readValue(json, RobotResume.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a robot resume: " + e.getOriginalMessage(), e);
    }
  }
}
