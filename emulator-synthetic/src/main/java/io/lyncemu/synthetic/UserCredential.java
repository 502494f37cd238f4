package io.lyncemu.synthetic;

import io.lyncemu.core.management.CmdletException;
import java.util.Objects;

/**
 * A {@code -SenderCredential}/{@code -ReceiverCredential} value: <code>DOMAIN&#92;user:password
 * </code>, or {@code user@domain:password} (a UPN, sent to NTLM with an empty domain as Windows
 * does). The password is everything after the first colon, so it may itself contain colons.
 */
record UserCredential(String domain, String user, String password) {
  UserCredential {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  static UserCredential parse(String parameter, String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      // The launcher prompts for a missing password; by the time a cmdlet runs it must be there.
      throw CmdletException.invalidArgument(
          "Cannot bind parameter '"
              + parameter
              + "'. The credential '"
              + text
              + "' has no password; write it as 'DOMAIN\\user:password'.");
    }
    String account = text.substring(0, colon);
    String password = text.substring(colon + 1);
    int slash = account.indexOf('\\');
    String domain = slash < 0 ? "" : account.substring(0, slash);
    String user = slash < 0 ? account : account.substring(slash + 1);
    if (user.isBlank() || (slash >= 0 && domain.isBlank())) {
      throw CmdletException.invalidArgument(
          "Cannot bind parameter '"
              + parameter
              + "'. '"
              + account
              + "' is not an account name like 'DOMAIN\\user' or 'user@domain'.");
    }
    return new UserCredential(domain, user, password);
  }

  /** The account as Windows shows it, for error texts; never the password. */
  String account() {
    return domain.isEmpty() ? user : domain + "\\" + user;
  }

  @Override
  public String toString() {
    return "UserCredential[" + account() + "]";
  }
}
