package io.lyncemu.edge.sip.routing;

/** Which way a request crosses the Access Edge. */
public enum Direction {
  /** From a local user or server towards a federated domain. */
  OUTBOUND,
  /** From a federated domain towards the local SIP domain. */
  INBOUND
}
