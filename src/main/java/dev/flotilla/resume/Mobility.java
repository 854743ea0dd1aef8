package dev.flotilla.resume;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The mobility section of a resume (appendix A.1 of seed 002).
 *
 * @param mobilityClass how the robot moves (JSON {@code class})
 * @param canChangeFloors true for legged and aerial robots (stairs, flight), false otherwise
 * @param maxSpeedMps top speed in m/s (parameters, else the class default)
 * @param maxAccelerationMps2 acceleration in m/s² (parameters, else the class default)
 * @param payloadKg payload in kg (parameters, else a class fraction of the URDF mass)
 * @param massKg total URDF link mass in kg
 * @param wheels number of ground wheels found
 * @param steerableWheels true when a wheel hangs below a vertical steering joint (casters)
 * @param legs number of legs found (chains from the body to a foot on the ground)
 * @param rotors number of rotors found (vertical-axis spinning joints above the ground)
 * @param summary one deterministic English sentence
 * @param evidence the facts that decided the class and counts, and their confidence
 */
@JsonPropertyOrder({"class"})
public record Mobility(
    @JsonProperty("class") MobilityClass mobilityClass,
    boolean canChangeFloors,
    double maxSpeedMps,
    double maxAccelerationMps2,
    double payloadKg,
    double massKg,
    int wheels,
    boolean steerableWheels,
    int legs,
    int rotors,
    String summary,
    Evidence evidence) {}
