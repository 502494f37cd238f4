package io.lyncemu.edge.xmpp.s2s;

import java.util.Locale;

/** The parts of a JID the s2s layer needs: {@code local@domain/resource}. */
final class Jids {
  private Jids() {}

  /** The domainpart, lower-cased; empty for a blank JID. */
  static String domain(String jid) {
    if (jid == null) {
      return "";
    }
    String s = jid;
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    int at = s.indexOf('@');
    return s.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  /** The localpart, or empty for a domain JID. */
  static String local(String jid) {
    if (jid == null) {
      return "";
    }
    int slash = jid.indexOf('/');
    String s = slash >= 0 ? jid.substring(0, slash) : jid;
    int at = s.indexOf('@');
    return at < 0 ? "" : s.substring(0, at);
  }

  /** {@code local@domain} without the resource. */
  static String bare(String jid) {
    int slash = jid.indexOf('/');
    return slash >= 0 ? jid.substring(0, slash) : jid;
  }
}
