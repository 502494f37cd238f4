package io.lyncemu.mcx.webticket;

import java.util.Objects;
import java.util.Optional;

/**
 * The WS-Security UsernameToken of an {@code /Auth} request, after undoing the base64 wrapping that
 * Lync mobile clients (and lyncsmash) apply to both fields. Immutable; {@link #toString()} never
 * shows the password.
 *
 * @param username the decoded user name, e.g. {@code LITWARE\kenmyer} or {@code ken@litware.com}
 * @param password the decoded password
 * @param usernameEncoding how the user name arrived on the wire
 * @param passwordEncoding how the password arrived on the wire
 */
public record UsernameToken(
    String username, String password, Encoding usernameEncoding, Encoding passwordEncoding) {

  /** How a field was carried. */
  public enum Encoding {
    /** base64 of UTF-8 text, as the Lync clients send it. */
    BASE64,
    /** Plain text (base64 decoding failed or did not yield text). */
    PLAIN
  }

  public UsernameToken {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(usernameEncoding, "usernameEncoding");
    Objects.requireNonNull(passwordEncoding, "passwordEncoding");
  }

  /** The NetBIOS domain of a {@code DOMAIN\\user} name; absent for UPNs and bare names. */
  public Optional<String> domain() {
    int slash = username.indexOf('\\');
    return slash > 0 ? Optional.of(username.substring(0, slash)) : Optional.empty();
  }

  /** The account part: after the backslash for {@code DOMAIN\\user}, otherwise the whole name. */
  public String account() {
    int slash = username.indexOf('\\');
    return slash >= 0 ? username.substring(slash + 1) : username;
  }

  @Override
  public String toString() {
    return "UsernameToken[username="
        + username
        + ", password=<redacted>, usernameEncoding="
        + usernameEncoding
        + ", passwordEncoding="
        + passwordEncoding
        + "]";
  }
}
