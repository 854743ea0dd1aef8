package dev.flotilla.resume;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a robot moves (appendix A.1 of seed 002, EMOS): aerial, legged, wheeled
 * (differential, holonomic or car-like Ackermann), tracked or not at all. */
public enum MobilityClass {
  WHEELED_DIFFERENTIAL("wheeled_differential", false),
  WHEELED_HOLONOMIC("wheeled_holonomic", false),
  WHEELED_ACKERMANN("wheeled_ackermann", false),
  TRACKED("tracked", false),
  LEGGED("legged", true),
  AERIAL("aerial", true),
  STATIC("static", false);

  private final String json;
  private final boolean canChangeFloors;

  MobilityClass(String json, boolean canChangeFloors) {
    this.json = json;
    this.canChangeFloors = canChangeFloors;
  }

  /** The JSON spelling, e.g. {@code wheeled_differential}. */
  @JsonValue
  public String json() {
    return json;
  }

  /** Legged robots climb stairs and aerial robots fly between floors; wheeled, tracked cannot. */
  public boolean canChangeFloors() {
    return canChangeFloors;
  }

  /** True for every class but {@link #STATIC}. */
  public boolean isMobile() {
    return this != STATIC;
  }

  /** Default top speed in m/s when the parameters give none. */
  public double defaultMaxSpeedMps() {
    return switch (this) {
      case WHEELED_DIFFERENTIAL, WHEELED_HOLONOMIC, WHEELED_ACKERMANN, TRACKED -> 1.0;
      case LEGGED -> 1.6;
      case AERIAL -> 3.0;
      case STATIC -> 0.0;
    };
  }

  /** Default acceleration in m/s² when the parameters give none. */
  public double defaultMaxAccelerationMps2() {
    return switch (this) {
      case WHEELED_DIFFERENTIAL, WHEELED_HOLONOMIC, WHEELED_ACKERMANN, TRACKED -> 0.5;
      case LEGGED -> 1.0;
      case AERIAL -> 2.0;
      case STATIC -> 0.0;
    };
  }

  /** Default payload as a fraction of the robot's URDF mass when the parameters give none. */
  public double defaultPayloadFractionOfMass() {
    return switch (this) {
      case WHEELED_DIFFERENTIAL, WHEELED_HOLONOMIC, WHEELED_ACKERMANN, TRACKED -> 0.5;
      case LEGGED -> 0.4;
      case AERIAL -> 0.3;
      case STATIC -> 0.0;
    };
  }
}
