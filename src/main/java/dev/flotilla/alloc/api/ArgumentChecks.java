package dev.flotilla.alloc.api;

/** Argument checks shared by the records; every message names the field. */
final class ArgumentChecks {
  private ArgumentChecks() {}

  static <T> T nonNull(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null.");
    }
    return value;
  }

  static void id(String id, String what) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("A " + what + " needs a non-blank id.");
    }
  }

  static void positive(double value, String field) {
    if (!(value > 0) || Double.isNaN(value)) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value + ".");
    }
  }

  static void nonNegative(double value, String field) {
    if (!(value >= 0) || Double.isNaN(value)) {
      throw new IllegalArgumentException(field + " must be >= 0, got " + value + ".");
    }
  }

  static void finite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite, got " + value + ".");
    }
  }
}
