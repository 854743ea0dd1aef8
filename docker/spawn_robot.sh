#!/bin/bash
# Spawns one of our URDF robots into the running Gazebo world as model NAME, with the two Gazebo
# systems our URDFs do not carry: OdometryPublisher (/model/NAME/odometry) and VelocityControl
# (/model/NAME/cmd_vel), which ros_gz_bridge connects to /NAME/odom and /NAME/cmd_vel.
# Usage: spawn_robot.sh NAME URDF X Y
set -euo pipefail
name="$1" urdf="$2" x="$3" y="$4"
out="/tmp/${name}.urdf"
systems="  <gazebo>
    <plugin filename=\"gz-sim-odometry-publisher-system\"
        name=\"gz::sim::systems::OdometryPublisher\">
      <odom_frame>${name}/odom</odom_frame>
      <robot_base_frame>${name}/base</robot_base_frame>
      <dimensions>2</dimensions>
      <odom_publish_frequency>20</odom_publish_frequency>
    </plugin>
    <plugin filename=\"gz-sim-velocity-control-system\"
        name=\"gz::sim::systems::VelocityControl\"/>
  </gazebo>"
# Insert the systems before the closing </robot> tag.
awk -v block="$systems" '/<\/robot>/ { print block } { print }' "$urdf" > "$out"
exec ros2 run ros_gz_sim create -world fleet -name "$name" -file "$out" -x "$x" -y "$y" -z 0.1
