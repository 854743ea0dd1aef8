package dev.flotilla.ros.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.msgs.rcl_interfaces.ParameterEvent;
import dev.flotilla.typehash.TypeHashes;
import org.junit.jupiter.api.Test;

/** Service type hashes as rosidl computes them (REP-2011). */
class ServiceTypeHashesTest {
  /**
   * std_srvs/srv/SetBool's hashes as rosidl generated them for Jazzy
   * ({@code set_bool__description.c}: {@code std_srvs__srv__SetBool__get_type_hash},
   * {@code …SetBool_Request__get_type_hash}, {@code …SetBool_Response__get_type_hash}).
   */
  @Test
  void setBoolMatchesRosidl() {
    String srv = "bool data # e.g. for hardware enabling / disabling\n---\n"
        + "bool success   # indicate successful run of triggered service\n"
        + "string message # informational, e.g. for error messages\n";
    ServiceTypeHashes.Hashes h =
        ServiceTypeHashes.of("std_srvs/srv/SetBool", srv, MessageDefinitions.bundled()::spec);
    assertEquals("RIHS01_abe9e4bb6b41b40e6789712c00ec8871923e089af3f667a79992a428cff2da0a",
        h.service());
    assertEquals("RIHS01_c62fbb99d94e1b25e8ef9e109f9581956bb1b3361a45a4e5810c36a90d29932e",
        h.request());
    assertEquals("RIHS01_d0814e7f7b4880ab77e9c57426c7aa1562ab69f11eef8e2e968812f9cbd0b059",
        h.response());
  }

  /**
   * rcl_interfaces/msg/ParameterEvent's hash as rosidl generated it for Jazzy
   * ({@code parameter_event__description.c}): the bundled rcl_interfaces definitions the parameter
   * services are built from (Parameter, ParameterValue) are rosidl's.
   */
  @Test
  void parameterEventMatchesRosidl() {
    assertEquals("RIHS01_043e627780fcad87a22d225bc2a037361dba713fca6a6b9f4b869a5aa0393204",
        TypeHashes.ofSchema(ParameterEvent.TYPE.rosName(), ParameterEvent.TYPE.definition(),
            MessageDefinitions.bundled()::spec));
  }

  @Test
  void everyParameterServiceHasAHash() {
    for (ParameterService s : ParameterService.values()) {
      ServiceTypeHashes.Hashes h = ServiceTypeHashes.of(s);
      assertTrue(TypeHashes.isRihs01(h.service()) && TypeHashes.isRihs01(h.request())
          && TypeHashes.isRihs01(h.response()), s.rosType());
    }
  }
}
