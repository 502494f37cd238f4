package io.lyncemu.mcx.auth;

/** The negState of a SPNEGO NegTokenResp (RFC 4178 §4.2.2). */
public enum NegState {
  ACCEPT_COMPLETED,
  ACCEPT_INCOMPLETE,
  REJECT,
  REQUEST_MIC;

  /** The ENUMERATED value on the wire. */
  int wireValue() {
    return ordinal();
  }

  static NegState fromWire(int value) {
    NegState[] all = values();
    if (value < 0 || value >= all.length) {
      throw new NtlmFormatException("Unknown SPNEGO negState " + value);
    }
    return all[value];
  }
}
