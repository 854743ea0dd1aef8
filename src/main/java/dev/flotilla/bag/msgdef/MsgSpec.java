package dev.flotilla.bag.msgdef;

import java.util.List;

/**
 * One parsed message type.
 *
 * @param name full type name, {@code package/msg/Type}
 * @param fields fields in wire order
 * @param constants constants
 */
public record MsgSpec(String name, List<MsgField> fields, List<MsgConstant> constants) {}
