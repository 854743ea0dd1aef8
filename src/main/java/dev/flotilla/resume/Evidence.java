package dev.flotilla.resume;

import java.util.List;

/**
 * Why a resume section says what it says (issue #13): the facts used, strongest first, and how
 * far they can be trusted.
 *
 * @param facts short sentences, e.g. {@code "4 chains hip→knee→foot touching the ground"}
 * @param confidence {@code high} when structure or declared plugins agree, {@code medium} when
 *     one strong signal stands alone, {@code low} when only names support it or signals conflict
 */
public record Evidence(List<String> facts, Confidence confidence) {

  /** Defensive copy. */
  public Evidence {
    facts = List.copyOf(facts);
  }
}
