package io.lyncemu.edge.peers;

import java.util.List;

/**
 * What one SIPp run did, from its message trace.
 *
 * @param exitCode SIPp's exit status, or null while it still runs (a UAS is read while listening).
 *     Informational only: a UAS that answered correctly may still count the call failed.
 * @param messages everything SIPp sent and received, in order
 * @param trace the raw trace file and SIPp's output, for assertion messages
 */
public record SippResult(Integer exitCode, List<SipMessage> messages, String trace) {

  public List<SipMessage> sent() {
    return messages.stream().filter(m -> m.direction() == SipMessage.Direction.SENT).toList();
  }

  public List<SipMessage> received() {
    return messages.stream().filter(m -> m.direction() == SipMessage.Direction.RECEIVED).toList();
  }

  /** Requests SIPp received (what a UAS recorded). */
  public List<SipMessage> receivedRequests() {
    return received().stream().filter(m -> !m.isResponse()).toList();
  }

  /**
   * The last final (>= 200) status in the conversation, received by a UAC or sent by a UAS; 0 when
   * there was none (e.g. a UAC that timed out).
   */
  public int finalStatus() {
    int status = 0;
    for (SipMessage message : messages) {
      if (message.statusCode() >= 200) {
        status = message.statusCode();
      }
    }
    return status;
  }

  @Override
  public String toString() {
    return "SippResult(exit=" + exitCode + ", final=" + finalStatus() + ")\n" + trace;
  }
}
