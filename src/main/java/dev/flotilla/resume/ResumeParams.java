package dev.flotilla.resume;

import java.util.Set;

/**
 * Everything a resume needs besides the URDF; all defaults are documented in docs/resume.md.
 *
 * @param seed seed of the workspace sampler (same URDF + same seed = same resume)
 * @param workspaceSamples configurations sampled per arm (bounded; 1024–8192 is sensible)
 * @param endEffectorLinks links to treat as end effectors instead of searching (may be empty)
 * @param maxSpeedMps top speed in m/s, or NaN for the mobility class default
 * @param maxAccelerationMps2 acceleration in m/s², or NaN for the class default
 * @param payloadKg payload in kg, or NaN for the class default fraction of the URDF mass
 * @param defaultFovRad horizontal field of view in radians for cameras without a sensor block
 * @param maxAltitudeM highest camera height above ground in metres an aerial robot will fly at
 * @param extraCapabilities named capabilities to add (e.g. {@code "open_door"})
 */
public record ResumeParams(
    long seed,
    int workspaceSamples,
    Set<String> endEffectorLinks,
    double maxSpeedMps,
    double maxAccelerationMps2,
    double payloadKg,
    double defaultFovRad,
    double maxAltitudeM,
    Set<String> extraCapabilities) {

  /** Validates ranges; NaN means "use the default" for speed, acceleration and payload. */
  public ResumeParams {
    if (workspaceSamples < 16 || workspaceSamples > 1_000_000) {
      throw new IllegalArgumentException(
          "workspaceSamples must lie in [16, 1000000], got " + workspaceSamples + ".");
    }
    if (!(defaultFovRad > 0 && defaultFovRad < Math.PI * 2)) {
      throw new IllegalArgumentException("defaultFovRad must lie in (0, 2π), got " + defaultFovRad);
    }
    if (!(maxAltitudeM >= 0)) {
      throw new IllegalArgumentException("maxAltitudeM must be >= 0, got " + maxAltitudeM + ".");
    }
    endEffectorLinks = Set.copyOf(endEffectorLinks);
    extraCapabilities = Set.copyOf(extraCapabilities);
  }

  /** Seed 42, 2048 samples, class defaults, 60° default FOV, 3 m maximum altitude. */
  public static ResumeParams defaults() {
    return new ResumeParams(
        42, 2048, Set.of(), Double.NaN, Double.NaN, Double.NaN, Math.toRadians(60), 3.0, Set.of());
  }

  /** A copy with another seed. */
  public ResumeParams withSeed(long newSeed) {
    return new ResumeParams(newSeed, workspaceSamples, endEffectorLinks, maxSpeedMps,
        maxAccelerationMps2, payloadKg, defaultFovRad, maxAltitudeM, extraCapabilities);
  }

  /** A copy with another sample count. */
  public ResumeParams withWorkspaceSamples(int samples) {
    return new ResumeParams(seed, samples, endEffectorLinks, maxSpeedMps, maxAccelerationMps2,
        payloadKg, defaultFovRad, maxAltitudeM, extraCapabilities);
  }

  /** A copy with configured end-effector links. */
  public ResumeParams withEndEffectorLinks(Set<String> links) {
    return new ResumeParams(seed, workspaceSamples, links, maxSpeedMps, maxAccelerationMps2,
        payloadKg, defaultFovRad, maxAltitudeM, extraCapabilities);
  }

  /** A copy with explicit speed (m/s), acceleration (m/s²) and payload (kg); NaN = default. */
  public ResumeParams withMotion(double speedMps, double accelerationMps2, double payload) {
    return new ResumeParams(seed, workspaceSamples, endEffectorLinks, speedMps, accelerationMps2,
        payload, defaultFovRad, maxAltitudeM, extraCapabilities);
  }

  /** A copy with extra named capabilities. */
  public ResumeParams withExtraCapabilities(Set<String> capabilities) {
    return new ResumeParams(seed, workspaceSamples, endEffectorLinks, maxSpeedMps,
        maxAccelerationMps2, payloadKg, defaultFovRad, maxAltitudeM, capabilities);
  }
}
