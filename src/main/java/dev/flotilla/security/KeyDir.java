package dev.flotilla.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A directory of identities' keys, as {@code flotilla keys gen|list} manage it (issue #8). Per
 * identity {@code ID}:
 *
 * <ul>
 *   <li>{@code ID.key}: Ed25519 private key, PKCS#8 PEM (as {@code openssl genpkey} writes it);
 *   <li>{@code ID.pub}: Ed25519 public key, X.509 SubjectPublicKeyInfo PEM;
 *   <li>{@code ID.hmac}: a 256-bit HMAC-SHA256 secret, Base64 (robots' heartbeats).
 * </ul>
 *
 * <p>Files are created owner-only (0600) in an owner-only directory (0700), as ssh wants its keys;
 * secrets in a group- or world-readable file are refused when loading, since anyone who could read
 * them could speak for that identity. As ssh's {@code StrictModes}, a key directory or a
 * {@code .pub} file that group or others may <em>write</em> is refused too (issue #16): anyone on
 * the host could swap a public key and be trusted as that identity. The checks read the mode bits,
 * not whether a write would succeed (root can write anything). Verifiers need only the
 * {@code .pub} files and the {@code .hmac} secrets of the robots whose heartbeats they check; a
 * deployment copies just those.
 */
public final class KeyDir {
  /** Owner read/write only. */
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  /** Owner only. */
  static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
  private static final int HMAC_BYTES = 32;

  private final Path dir;
  private final Map<String, PrivateKey> privateKeys;
  private final Map<String, PublicKey> publicKeys;
  private final Map<String, byte[]> hmacSecrets;

  private KeyDir(Path dir, Map<String, PrivateKey> privateKeys,
      Map<String, PublicKey> publicKeys, Map<String, byte[]> hmacSecrets) {
    this.dir = dir;
    this.privateKeys = Map.copyOf(privateKeys);
    this.publicKeys = Map.copyOf(publicKeys);
    this.hmacSecrets = Map.copyOf(hmacSecrets);
  }

  /** @return the directory */
  public Path dir() {
    return dir;
  }

  /**
   * @param id an identity
   * @return its Ed25519 private key, when this directory holds it
   */
  public Optional<PrivateKey> privateKey(String id) {
    return Optional.ofNullable(privateKeys.get(id));
  }

  /**
   * @param id an identity
   * @return its Ed25519 public key, when known
   */
  public Optional<PublicKey> publicKey(String id) {
    return Optional.ofNullable(publicKeys.get(id));
  }

  /**
   * @param id an identity
   * @return its HMAC-SHA256 secret, when this directory holds it
   */
  public Optional<byte[]> hmacSecret(String id) {
    byte[] s = hmacSecrets.get(id);
    return s == null ? Optional.empty() : Optional.of(s.clone());
  }

  /**
   * Keys held in memory only, for tests and benchmarks: an Ed25519 pair and an HMAC secret per
   * identity.
   *
   * @param ids identities
   * @return the keys, with no directory behind them
   */
  public static KeyDir ephemeral(List<String> ids) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("Ed25519");
      SecureRandom random = new SecureRandom();
      Map<String, PrivateKey> priv = new TreeMap<>();
      Map<String, PublicKey> pub = new TreeMap<>();
      Map<String, byte[]> hmac = new TreeMap<>();
      for (String id : ids) {
        KeyPair pair = gen.generateKeyPair();
        priv.put(id, pair.getPrivate());
        pub.put(id, pair.getPublic());
        byte[] secret = new byte[HMAC_BYTES];
        random.nextBytes(secret);
        hmac.put(id, secret);
      }
      return new KeyDir(Path.of("(in memory)"), priv, pub, hmac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK cannot generate Ed25519 keys.", e);
    }
  }

  /**
   * The same keys without the private keys and secrets of {@code ids}: what another process,
   * which must not be able to sign as them, would hold.
   *
   * @param ids identities whose private keys and HMAC secrets to drop
   * @return the reduced key set
   */
  public KeyDir without(Collection<String> ids) {
    Map<String, PrivateKey> priv = new TreeMap<>(privateKeys);
    Map<String, byte[]> hmac = new TreeMap<>(hmacSecrets);
    priv.keySet().removeAll(ids);
    hmac.keySet().removeAll(ids);
    return new KeyDir(dir, priv, publicKeys, hmac);
  }

  /**
   * Generates an Ed25519 key pair and an HMAC secret for each identity.
   *
   * @param dir the key directory, created 0700 when missing
   * @param ids identities (valid ROS 2 names)
   * @param force whether existing keys of these identities may be replaced
   * @return the files written
   * @throws KeyDirException when a key exists and {@code force} is false, or on I/O failure
   */
  public static List<Path> generate(Path dir, List<String> ids, boolean force) {
    List<Path> written = new ArrayList<>();
    try {
      if (!Files.isDirectory(dir)) {
        // Only the key directory itself is owner-only; parents such as out/ stay as they are.
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
      }
      Files.setPosixFilePermissions(dir, DIR_MODE);
      if (!force) {
        for (String id : ids) {
          for (String ext : List.of(".key", ".pub", ".hmac")) {
            if (Files.exists(dir.resolve(id + ext))) {
              throw new KeyDirException(dir.resolve(id + ext) + " already exists; pass --force "
                  + "to replace the keys of " + id + " (its old signatures then stop verifying).");
            }
          }
        }
      }
      KeyPairGenerator gen = KeyPairGenerator.getInstance("Ed25519");
      SecureRandom random = new SecureRandom();
      for (String id : ids) {
        KeyPair pair = gen.generateKeyPair();
        byte[] secret = new byte[HMAC_BYTES];
        random.nextBytes(secret);
        written.add(write(dir.resolve(id + ".key"),
            pem("PRIVATE KEY", pair.getPrivate().getEncoded()), force));
        written.add(write(dir.resolve(id + ".pub"),
            pem("PUBLIC KEY", pair.getPublic().getEncoded()), force));
        written.add(write(dir.resolve(id + ".hmac"),
            Base64.getEncoder().encodeToString(secret) + "\n", force));
      }
    } catch (IOException e) {
      throw new KeyDirException("Cannot write keys in " + dir + ": " + e.getMessage() + ".", e);
    } catch (GeneralSecurityException e) {
      throw new KeyDirException("This JDK cannot generate Ed25519 keys: " + e.getMessage() + ".",
          e);
    }
    return written;
  }

  private static Path write(Path file, String text, boolean force) throws IOException {
    if (force) {
      Files.deleteIfExists(file);
    }
    try {
      // Created owner-only, so the secret is never readable by others, not even briefly.
      Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
    } catch (FileAlreadyExistsException e) {
      throw new KeyDirException(file + " already exists; pass --force to replace it.", e);
    }
    Files.setPosixFilePermissions(file, FILE_MODE); // umask may have narrowed the attribute
    Files.writeString(file, text, StandardCharsets.US_ASCII);
    return file;
  }

  private static String pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  private static byte[] unpem(Path file, String text) {
    String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new KeyDirException(file + " is not a PEM or Base64 file.", e);
    }
  }

  /**
   * Loads every key of a directory. Private keys and secrets in files others may read are
   * refused.
   *
   * @param dir the key directory
   * @return its keys
   * @throws KeyDirException when the directory is missing, a file does not parse, or a secret is
   *     readable by others
   */
  public static KeyDir load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new KeyDirException("The key directory " + dir + " does not exist; create it with "
          + "`flotilla keys gen --dir " + dir + " ID...`.");
    }
    KeyFileModes.requireUnwritableByOthers(dir, "The key directory " + dir, "700");
    Map<String, PrivateKey> priv = new TreeMap<>();
    Map<String, PublicKey> pub = new TreeMap<>();
    Map<String, byte[]> hmac = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !Files.isRegularFile(f)) {
          continue;
        }
        String id = name.substring(0, dot);
        String ext = name.substring(dot + 1);
        switch (ext) {
          case "key" -> {
            KeyFileModes.requirePrivate(f);
            priv.put(id, kf.generatePrivate(new PKCS8EncodedKeySpec(unpem(f, read(f)))));
          }
          case "pub" -> {
            KeyFileModes.requireUnwritableByOthers(f, f.toString(), "644");
            pub.put(id, kf.generatePublic(new X509EncodedKeySpec(unpem(f, read(f)))));
          }
          case "hmac" -> {
            KeyFileModes.requirePrivate(f);
            byte[] secret = unpem(f, read(f));
            if (secret.length < 16) {
              throw new KeyDirException(f + " holds a " + secret.length * 8 + "-bit secret; "
                  + "HMAC-SHA256 needs at least 128 bits.");
            }
            hmac.put(id, secret);
          }
          default -> { }
        }
      }
    } catch (IOException e) {
      throw new KeyDirException("Cannot read the key directory " + dir + ": " + e.getMessage()
          + ".", e);
    } catch (GeneralSecurityException e) {
      throw new KeyDirException("A key in " + dir + " is not an Ed25519 key: " + e.getMessage()
          + ".", e);
    }
    return new KeyDir(dir, priv, pub, hmac);
  }

  private static String read(Path f) throws IOException {
    return Files.readString(f, StandardCharsets.US_ASCII);
  }

  /**
   * @param f a file or directory
   * @return a description such as {@code "mode rw-r--r--"} when group or others have any access,
   *     empty when owner-only or when the file system has no POSIX permissions
   */
  /**
   * One identity as {@code flotilla keys list} shows it.
   *
   * @param id identity
   * @param algorithms what the directory holds for it, e.g. {@code [Ed25519, Ed25519-public,
   *     HMAC-SHA256]}
   * @param fingerprint {@code SHA256:} and the first 16 hex digits of the public key's DER
   *     encoding; empty without a public key
   * @param warnings files readable by group or others, one sentence each
   */
  public record Entry(String id, List<String> algorithms, String fingerprint,
      List<String> warnings) {}

  /**
   * Lists the identities of a directory without trusting or refusing anything.
   *
   * @param dir the key directory
   * @return one entry per identity, sorted, plus a pseudo-entry {@code "(directory)"} carrying a
   *     warning when the directory itself is too open
   * @throws KeyDirException when the directory is missing or unreadable
   */
  public static List<Entry> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new KeyDirException("The key directory " + dir + " does not exist.");
    }
    Map<String, List<Path>> byId = new TreeMap<>();
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0 && Set.of("key", "pub", "hmac").contains(name.substring(dot + 1))) {
          byId.computeIfAbsent(name.substring(0, dot), k -> new ArrayList<>()).add(f);
        }
      }
      Optional<String> dirOpen = KeyFileModes.tooOpen(dir);
      if (dirOpen.isPresent()) {
        out.add(new Entry("(directory)", List.of(), "", List.of(dir + " is " + dirOpen.get()
            + "; chmod 700 it.")));
      }
      for (Map.Entry<String, List<Path>> e : byId.entrySet()) {
        Set<String> algorithms = new TreeSet<>();
        List<String> warnings = new ArrayList<>();
        String fingerprint = "";
        for (Path f : e.getValue()) {
          String name = f.getFileName().toString();
          String ext = name.substring(name.lastIndexOf('.') + 1);
          switch (ext) {
            case "key" -> algorithms.add("Ed25519");
            case "pub" -> {
              algorithms.add("Ed25519-public");
              fingerprint = fingerprint(unpem(f, read(f)));
            }
            default -> algorithms.add("HMAC-SHA256");
          }
          Optional<String> open = KeyFileModes.tooOpen(f);
          if (open.isPresent() && !ext.equals("pub")) {
            warnings.add(f.getFileName() + " is " + open.get() + "; chmod 600 it.");
          }
        }
        out.add(new Entry(e.getKey(), List.copyOf(algorithms), fingerprint,
            List.copyOf(warnings)));
      }
    } catch (IOException e) {
      throw new KeyDirException("Cannot read the key directory " + dir + ": " + e.getMessage()
          + ".", e);
    }
    return out;
  }

  /**
   * @param der a public key's encoding
   * @return {@code SHA256:} and the first 16 hex digits of its digest
   */
  static String fingerprint(byte[] der) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(der);
      return "SHA256:" + HexFormat.of().formatHex(d, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK has no SHA-256.", e);
    }
  }
}
