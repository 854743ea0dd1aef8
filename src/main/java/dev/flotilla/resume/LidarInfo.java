package dev.flotilla.resume;

/**
 * A laser scanner.
 *
 * @param link the scanner link
 * @param heightM height above ground at the default pose, metres
 */
public record LidarInfo(String link, double heightM) {}
