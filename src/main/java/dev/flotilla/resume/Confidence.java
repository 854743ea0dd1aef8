package dev.flotilla.resume;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far a resume section can be trusted (issue #13; rules in docs/resume.md). */
public enum Confidence {
  /** Structure (joints, geometry) or declared plugins support it and nothing contradicts it. */
  HIGH("high"),
  /** One strong signal without corroboration, or structure weakened by a lesser conflict. */
  MEDIUM("medium"),
  /** Names alone support it, or strong signals conflict. */
  LOW("low");

  private final String json;

  Confidence(String json) {
    this.json = json;
  }

  /** The JSON spelling. */
  @JsonValue
  public String json() {
    return json;
  }

  /** The weaker of two. */
  public Confidence min(Confidence other) {
    return ordinal() >= other.ordinal() ? this : other;
  }
}
