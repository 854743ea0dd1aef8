/**
 * REP-2011 type description hashes ({@code RIHS01_<64 hex>}) computed from {@code .msg}
 * definitions, byte for byte as ROS 2 (Iron and later) computes them, so that Flotilla can
 * advertise and check the {@code typehash=} of DDS USER_DATA and rosbag2's
 * {@code type_description_hash}. It depends only on {@code dev.flotilla.bag.msgdef} (parsed
 * definitions) and {@code java.*}; no ROS or DDS code.
 *
 * <h2>API</h2>
 *
 * <ul>
 *   <li>{@link dev.flotilla.typehash.TypeHashes}: {@code of("pkg/msg/Type", definitions)} (a
 *       map, lookup or {@link dev.flotilla.bag.msgdef.MessageDefinitions}),
 *       {@code of(TypeDescription)}, {@code ofSchema(type, ros2msgText, fallback)} for rosbag2
 *       schema texts (service event types included), plus {@code isRihs01} and {@code value}
 *       (the 32 bytes).
 *   <li>{@link dev.flotilla.typehash.TypeDescriptions}: builds the {@link
 *       dev.flotilla.typehash.TypeDescription} value records ({@link
 *       dev.flotilla.typehash.IndividualTypeDescription}, {@link
 *       dev.flotilla.typehash.FieldDescription}, {@link
 *       dev.flotilla.typehash.FieldTypeDescription}, mirroring {@code
 *       type_description_interfaces}) from {@link dev.flotilla.bag.msgdef.MsgSpec}s; {@link
 *       dev.flotilla.typehash.FieldTypeIds} numbers the field types.
 *   <li>{@link dev.flotilla.typehash.HashableJson}: the canonical JSON the hash is taken over.
 *   <li>{@link dev.flotilla.typehash.PackageTypeHashes}: hashes of every type of a package
 *       directory; its {@code main} prints those of {@code msg/} ({@code flotilla_msgs}).
 * </ul>
 *
 * <h2>What is hashed</h2>
 *
 * <p>Per type: its name and, per field in order, the name, type id, capacity (N of {@code T[N]}
 * and {@code T[<=N]}), string capacity (N of {@code string<=N}) and nested type name; then the
 * same for every referenced type, sorted by name. Constants, comments and default values are
 * not hashed, so they may change without changing the hash; field order, names, types and bounds
 * do change it. {@code .msg} {@code char} is hashed as {@code uint8} and {@code byte} as
 * IDL {@code octet}, and an empty message as one {@code uint8
 * structure_needs_at_least_one_member} field, as {@code rosidl_adapter} translates them.
 *
 * <p>Checked against every hash ROS 2 wrote into the shared rosbag2 sample bags
 * ({@code TypeHashesBagTest}).
 */
package dev.flotilla.typehash;
