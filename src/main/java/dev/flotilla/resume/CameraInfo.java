package dev.flotilla.resume;

/**
 * One camera of the perception section. Heights are metres above the ground plane at the default
 * pose; pitch is the optical axis elevation in radians (positive up) in the base frame.
 *
 * @param link the camera link (topmost camera frame of its subtree)
 * @param kind {@code camera} or {@code depth_camera}
 * @param heightM height above ground at the default pose, metres
 * @param minHeightM lowest height the joints between base and camera allow, metres
 * @param maxHeightM highest height the joints between base and camera allow, metres (for an
 *     aerial robot: at least the flight ceiling of the parameters)
 * @param onMovableJoint true when a movable joint lies between the base and the camera
 * @param horizontalFovRad horizontal field of view, radians
 * @param fovFromSensor true when the FOV came from a Gazebo sensor block, false for the default
 * @param pitchRad optical axis elevation at the default pose, radians
 * @param minPitchRad lowest elevation the joints allow, radians
 * @param maxPitchRad highest elevation the joints allow, radians
 */
public record CameraInfo(
    String link,
    String kind,
    double heightM,
    double minHeightM,
    double maxHeightM,
    boolean onMovableJoint,
    double horizontalFovRad,
    boolean fovFromSensor,
    double pitchRad,
    double minPitchRad,
    double maxPitchRad) {}
