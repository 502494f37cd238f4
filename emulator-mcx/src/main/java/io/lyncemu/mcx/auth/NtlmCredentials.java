package io.lyncemu.mcx.auth;

import java.util.Optional;

/**
 * How the server looks up cleartext passwords. NTLMv2 needs the password (or its MD4 hash) on the
 * server side, which the emulator's user directory has. Implementations must be safe to call from
 * any connection's thread.
 */
@FunctionalInterface
public interface NtlmCredentials {

  /**
   * Returns the password of a user.
   *
   * @param domain the domain exactly as the client sent it (may be empty)
   * @param user the user name exactly as the client sent it; case-insensitive matching is the
   *     implementation's job, as on Windows
   * @return the cleartext password, or empty if the user is unknown
   */
  Optional<String> passwordOf(String domain, String user);
}
