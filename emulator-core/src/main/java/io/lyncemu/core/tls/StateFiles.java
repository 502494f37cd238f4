package io.lyncemu.core.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import java.util.Set;

/**
 * File handling for the state directory: every file is written to a temporary sibling first and
 * then moved into place, so a crash never leaves a half-written keystore that would fail the next
 * start. Stateless, hence thread-safe.
 */
final class StateFiles {
  /** Private keys: owner read/write only. */
  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  /** The exported CA certificate is public by nature; users copy it to client devices. */
  static final Set<PosixFilePermission> WORLD_READABLE =
      PosixFilePermissions.fromString("rw-r--r--");

  private StateFiles() {}

  static void createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new TlsMaterialException(
          dir,
          "Cannot create the TLS state directory "
              + dir
              + " ("
              + e
              + "); make sure the path is a writable directory or choose another state directory",
          e);
    }
  }

  static byte[] read(Path file, String remedy) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TlsMaterialException(
          file, "Cannot read TLS file " + file + " (" + e + "); " + remedy, e);
    }
  }

  /**
   * Parses a PKCS12 keystore. Any failure, including a wrong password or a truncated file, becomes
   * a {@link TlsMaterialException} naming the file and {@code remedy}.
   */
  static KeyStore readKeyStore(Path file, char[] password, String remedy) {
    byte[] bytes = read(file, remedy);
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(new ByteArrayInputStream(bytes), password);
      return keyStore;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // RuntimeException too: the JDK's DER parser throws unchecked exceptions on some garbage.
      throw new TlsMaterialException(
          file,
          "TLS keystore "
              + file
              + " is corrupt or not a PKCS12 file protected with the emulator's password ("
              + e
              + "); "
              + remedy,
          e);
    }
  }

  static byte[] encode(KeyStore keyStore, char[] password) throws GeneralSecurityException {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      keyStore.store(out, password);
      return out.toByteArray();
    } catch (IOException e) {
      // Storing into memory cannot fail with I/O; anything here is an encoding problem.
      throw new GeneralSecurityException("Cannot encode PKCS12 keystore", e);
    }
  }

  /** Atomically replaces {@code target} with {@code content}. */
  static void replace(Path target, byte[] content, Set<PosixFilePermission> permissions) {
    Path temp = writeTemp(target, content, permissions);
    try {
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw cannotWrite(target, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * Publishes {@code content} as {@code target} only if no such file exists yet, so that two
   * emulators racing to create the same CA agree on one. Returns false if another writer won.
   */
  static boolean publishIfAbsent(
      Path target, byte[] content, Set<PosixFilePermission> permissions) {
    Path temp = writeTemp(target, content, permissions);
    try {
      try {
        // link(2) fails atomically when the target exists, unlike a non-replacing move, which
        // the JDK implements as check-then-rename.
        Files.createLink(target, temp);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException | IOException e) {
        // File systems without hard links: fall back to the (almost) atomic non-replacing move.
        try {
          Files.move(temp, target);
          return true;
        } catch (FileAlreadyExistsException lost) {
          return false;
        } catch (IOException moveFailure) {
          throw cannotWrite(target, moveFailure);
        }
      }
    } finally {
      deleteQuietly(temp);
    }
  }

  private static Path writeTemp(Path target, byte[] content, Set<PosixFilePermission> permissions) {
    Objects.requireNonNull(content, "content");
    Path dir = target.toAbsolutePath().getParent();
    try {
      Path temp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
      try {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.setPosixFilePermissions(temp, permissions);
        }
        Files.write(temp, content);
        return temp;
      } catch (IOException | RuntimeException e) {
        deleteQuietly(temp);
        throw e;
      }
    } catch (IOException e) {
      throw cannotWrite(target, e);
    }
  }

  private static TlsMaterialException cannotWrite(Path target, IOException e) {
    return new TlsMaterialException(
        target,
        "Cannot write TLS file "
            + target
            + " ("
            + e
            + "); make sure "
            + target.toAbsolutePath().getParent()
            + " is writable and has free space",
        e);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A stray hidden temp file is harmless; the real failure, if any, is already reported.
    }
  }
}
