package dev.flotilla.resume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operator's last word on a computed resume (issue #13): {@code robots.<id>.resume_overrides}
 * in the fleet parameters. Every field is optional (null = keep the computed value). Applying
 * them replaces the values, re-derives the capability names and the robot type, adds an evidence
 * line and lists the fields in {@link RobotResume#overridden()}. A capability resting on a
 * low-confidence section is not scaled down when the operator set that section's class.
 *
 * @param mobilityClass replaces the mobility class ({@code mobility_class})
 * @param canChangeFloors replaces the floor-changing ability ({@code can_change_floors});
 *     by default it follows the (possibly overridden) class
 * @param maxSpeedMps top speed, m/s ({@code max_speed_mps})
 * @param maxAccelerationMps2 acceleration, m/s² ({@code max_acceleration_mps2})
 * @param payloadKg payload, kg ({@code payload_kg})
 * @param arms keep only the first this many arms ({@code arms}; 0 = no arm)
 */
public record ResumeOverrides(
    MobilityClass mobilityClass,
    Boolean canChangeFloors,
    Double maxSpeedMps,
    Double maxAccelerationMps2,
    Double payloadKg,
    Integer arms) {

  /** Accepted keys, in documentation order. */
  public static final List<String> KEYS =
      List.of("mobility_class", "can_change_floors", "max_speed_mps", "max_acceleration_mps2",
          "payload_kg", "arms");

  /** No override. */
  public static final ResumeOverrides NONE =
      new ResumeOverrides(null, null, null, null, null, null);

  /**
   * Parses and validates overrides given as text values (as read from a parameter file).
   *
   * @param raw key → value text, e.g. {@code max_speed_mps → "0.8"}
   * @param source the parameter file, named in messages
   * @param prefix the key prefix, e.g. {@code robots.tb3_1.resume_overrides}, named in messages
   * @return the overrides
   * @throws IllegalArgumentException with a sentence naming the file and key
   */
  public static ResumeOverrides parse(Map<String, String> raw, String source, String prefix) {
    MobilityClass c = null;
    Boolean floors = null;
    Double speed = null;
    Double accel = null;
    Double payload = null;
    Integer arms = null;
    for (Map.Entry<String, String> e : new LinkedHashMap<>(raw).entrySet()) {
      String key = e.getKey();
      String v = e.getValue() == null ? "" : e.getValue().trim();
      String where = source + ": " + prefix + "." + key;
      switch (key) {
        case "mobility_class" -> c = mobilityClass(v, where);
        case "can_change_floors" -> floors = bool(v, where);
        case "max_speed_mps" -> speed = number(v, where, 0, 100);
        case "max_acceleration_mps2" -> accel = number(v, where, 0, 100);
        case "payload_kg" -> payload = number(v, where, 0, 100_000);
        case "arms" -> arms = (int) Math.round(integer(v, where));
        default -> throw new IllegalArgumentException(where + " is not a resume override; "
            + "expected one of " + String.join(", ", KEYS) + ".");
      }
    }
    return new ResumeOverrides(c, floors, speed, accel, payload, arms);
  }

  /** True when nothing is overridden. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /**
   * Applies the overrides to a computed resume.
   *
   * @param r the computed resume
   * @return the resume with the operator's values, or {@code r} when nothing is overridden
   * @throws IllegalArgumentException when {@code arms} asks for more arms than were found
   */
  public RobotResume apply(RobotResume r) {
    if (isEmpty()) {
      return r;
    }
    List<String> fields = new ArrayList<>(r.overridden());
    Mobility m = r.mobility();
    MobilityClass c = mobilityClass != null ? mobilityClass : m.mobilityClass();
    boolean floors = canChangeFloors != null ? canChangeFloors
        : mobilityClass != null ? c.canChangeFloors() : m.canChangeFloors();
    double speed = maxSpeedMps != null ? maxSpeedMps
        : mobilityClass != null && !c.isMobile() ? 0 : m.maxSpeedMps();
    double accel = maxAccelerationMps2 != null ? maxAccelerationMps2 : m.maxAccelerationMps2();
    double payload = payloadKg != null ? payloadKg : m.payloadKg();
    Map<String, Object> set = new LinkedHashMap<>();
    put(set, "mobility_class", mobilityClass == null ? null : c.json());
    put(set, "can_change_floors", canChangeFloors);
    put(set, "max_speed_mps", maxSpeedMps);
    put(set, "max_acceleration_mps2", maxAccelerationMps2);
    put(set, "payload_kg", payloadKg);
    put(set, "arms", arms);
    fields.addAll(set.keySet());
    List<String> facts = new ArrayList<>(m.evidence() == null ? List.of() : m.evidence().facts());
    facts.add(0, "operator override: " + set);
    Confidence conf = mobilityClass != null ? Confidence.HIGH
        : m.evidence() == null ? Confidence.HIGH : m.evidence().confidence();
    Mobility mobility = new Mobility(c, floors, speed, accel, payload, m.massKg(), m.wheels(),
        m.steerableWheels(), m.legs(), m.rotors(),
        ResumeSummaries.mobility(c, m.wheels(), m.legs(), m.rotors(), speed, accel, payload),
        new Evidence(facts, conf));
    Manipulation manip = r.manipulation();
    if (arms != null) {
      if (arms > manip.arms().size()) {
        throw new IllegalArgumentException("resume_overrides.arms = " + arms + " but the URDF "
            + "of " + r.robotId() + " has " + manip.arms().size() + " arm(s); an override can "
            + "only remove arms.");
      }
      List<ArmInfo> kept = manip.arms().subList(0, arms);
      int lostGrippers = (int) manip.arms().subList(arms, manip.arms().size()).stream()
          .filter(ArmInfo::gripper).count();
      List<String> mf = new ArrayList<>(manip.evidence() == null ? List.of()
          : manip.evidence().facts());
      mf.add(0, "operator override: arms = " + arms);
      manip = new Manipulation(kept, Math.max(0, manip.grippers() - lostGrippers),
          ResumeSummaries.manipulation(kept), new Evidence(mf, Confidence.HIGH));
    }
    Set<String> caps = new TreeSet<>(r.capabilities());
    caps.removeAll(Set.of("navigate", "change_floors", "fly", "walk", "manipulate", "grasp",
        "carry"));
    caps.addAll(Capabilities.derived(mobility, manip));
    String summary = mobility.summary() + " " + r.perception().summary() + " "
        + manip.summary();
    return new RobotResume(r.robotId(), ResumeSummaries.robotType(c, !manip.arms().isEmpty()),
        r.urdfName(), mobility, r.perception(), manip, List.copyOf(caps), summary,
        fields.stream().distinct().sorted().toList());
  }

  private static void put(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static MobilityClass mobilityClass(String v, String where) {
    for (MobilityClass c : MobilityClass.values()) {
      if (c.json().equals(v.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new IllegalArgumentException(where + " must be one of "
        + Arrays.stream(MobilityClass.values()).map(MobilityClass::json).toList() + ", got \""
        + v + "\".");
  }

  private static boolean bool(String v, String where) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(where + " must be true or false, got \""
          + v + "\".");
    };
  }

  private static double number(String v, String where, double min, double max) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + " must be a number, got \"" + v + "\".");
    }
    if (!(d >= min && d <= max)) {
      throw new IllegalArgumentException(where + " must lie in [" + min + ", " + max
          + "], got " + v + ".");
    }
    return d;
  }

  private static double integer(String v, String where) {
    double d = number(v, where, 0, 16);
    if (d != Math.rint(d)) {
      throw new IllegalArgumentException(where + " must be a whole number, got " + v + ".");
    }
    return d;
  }
}
