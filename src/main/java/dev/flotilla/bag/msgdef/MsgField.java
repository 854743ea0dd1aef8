package dev.flotilla.bag.msgdef;

/**
 * A field of a message definition.
 *
 * @param name field name
 * @param type field type
 * @param defaultValue default value text, or null when none is given
 */
public record MsgField(String name, FieldType type, String defaultValue) {}
