package io.lyncemu.edge.xmpp.s2s;

/** The authoritative server's answer to a {@code db:verify}, or ERROR when none came. */
enum DialbackVerdict {
  VALID,
  INVALID,
  ERROR
}
