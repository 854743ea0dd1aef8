package dev.flotilla.urdf;

/** What a Gazebo {@code <sensor>} block measures. */
public enum SensorKind {
  CAMERA,
  DEPTH_CAMERA,
  LIDAR,
  OTHER;

  /** True for colour and depth cameras. */
  public boolean isCamera() {
    return this == CAMERA || this == DEPTH_CAMERA;
  }
}
