package io.lyncemu.mcx.web;

import io.lyncemu.core.topology.WindowsAuth;

/**
 * The bare {@code WWW-Authenticate} headers IIS sends for Integrated Windows authentication: two
 * separate lines, {@code Negotiate} then {@code NTLM}, or only {@code NTLM} when UseWindowsAuth is
 * NTLM. (.NET joins them as {@code Negotiate,NTLM} when it prints them.)
 */
public final class WindowsChallenge {
  private WindowsChallenge() {}

  public static WebResponse offer(WebResponse response, WindowsAuth auth) {
    WebResponse out = response;
    if (auth.offersNegotiate()) {
      out = out.withHeader("WWW-Authenticate", "Negotiate");
    }
    if (auth.offersNtlm()) {
      out = out.withHeader("WWW-Authenticate", "NTLM");
    }
    return out;
  }
}
