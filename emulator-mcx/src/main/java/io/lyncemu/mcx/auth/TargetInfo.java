package io.lyncemu.mcx.auth;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An ordered list of AV pairs without the terminating MsvAvEOL, which {@link #encode()} adds and
 * {@link #decode(byte[])} requires. Used both for the server's TargetInfo and for the AV pairs in a
 * client's NTLMv2 blob. Immutable.
 */
public record TargetInfo(List<AvPair> pairs) {

  public TargetInfo {
    pairs = List.copyOf(Objects.requireNonNull(pairs, "pairs"));
    for (AvPair pair : pairs) {
      if (pair.id() == AvPair.EOL) {
        throw new IllegalArgumentException("MsvAvEOL is implicit");
      }
    }
  }

  public static TargetInfo empty() {
    return new TargetInfo(List.of());
  }

  /**
   * Parses AV pairs up to and including MsvAvEOL; bytes after it (clients pad the NTLMv2 blob with
   * zeros) are ignored.
   *
   * @throws NtlmFormatException if a pair runs past the end or MsvAvEOL is missing
   */
  public static TargetInfo decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  static TargetInfo decode(byte[] bytes, int from, int to) {
    List<AvPair> pairs = new ArrayList<>();
    int position = from;
    while (true) {
      if (to - position < 4) {
        throw new NtlmFormatException("AV pair list ends without MsvAvEOL");
      }
      int id = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8;
      int length = (bytes[position + 2] & 0xFF) | (bytes[position + 3] & 0xFF) << 8;
      position += 4;
      if (length > to - position) {
        throw new NtlmFormatException("AV pair " + id + " length " + length + " runs past the end");
      }
      if (id == AvPair.EOL) {
        return new TargetInfo(pairs);
      }
      byte[] value = new byte[length];
      System.arraycopy(bytes, position, value, 0, length);
      pairs.add(new AvPair(id, value));
      position += length;
    }
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (AvPair pair : pairs) {
      writeHeader(out, pair.id(), pair.length());
      out.writeBytes(pair.value());
    }
    writeHeader(out, AvPair.EOL, 0);
    return out.toByteArray();
  }

  private static void writeHeader(ByteArrayOutputStream out, int id, int length) {
    out.write(id);
    out.write(id >>> 8);
    out.write(length);
    out.write(length >>> 8);
  }

  public Optional<AvPair> find(int id) {
    return pairs.stream().filter(pair -> pair.id() == id).findFirst();
  }

  /** MsvAvTimestamp as a FILETIME, if present and 8 bytes long. */
  public OptionalLong timestamp() {
    return find(AvPair.TIMESTAMP)
        .filter(pair -> pair.length() == 8)
        .map(pair -> OptionalLong.of(FileTime.decode(pair.value())))
        .orElse(OptionalLong.empty());
  }

  /** MsvAvFlags, if present and 4 bytes long. */
  public OptionalInt flags() {
    return find(AvPair.FLAGS)
        .filter(pair -> pair.length() == 4)
        .map(
            pair -> {
              byte[] v = pair.value();
              return OptionalInt.of(
                  (v[0] & 0xFF) | (v[1] & 0xFF) << 8 | (v[2] & 0xFF) << 16 | (v[3] & 0xFF) << 24);
            })
        .orElse(OptionalInt.empty());
  }

  /** A copy with {@code pair} replacing any pair of the same id, or appended if there is none. */
  TargetInfo with(AvPair pair) {
    List<AvPair> copy = new ArrayList<>(pairs);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).id() == pair.id()) {
        copy.set(i, pair);
        return new TargetInfo(copy);
      }
    }
    copy.add(pair);
    return new TargetInfo(copy);
  }
}
