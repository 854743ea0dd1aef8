package dev.flotilla.bag.msgdef;

/**
 * A constant of a message definition ({@code uint8 STATE_IDLE=0}); not serialized.
 *
 * @param type primitive type name
 * @param name constant name
 * @param value value text as written
 */
public record MsgConstant(String type, String name, String value) {}
