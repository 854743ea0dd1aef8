#!/bin/bash
# Sources ROS 2 and the Flotilla workspace, then runs the command (ros2 launch …).
set -e
# shellcheck disable=SC1091
source /opt/ros/jazzy/setup.bash
# shellcheck disable=SC1091
source /opt/flotilla/install/setup.bash
exec "$@"
