package io.lyncemu.edge.peers;

/**
 * The two SIPp scenario files the harness writes. SIPp strips each line's indentation inside {@code
 * <send>} and fills the bracketed keywords ({@code [local_port]}, {@code [last_Via:]}...).
 */
final class SippScenarios {
  private SippScenarios() {}

  /**
   * Sends {@code request} once, tolerates provisional responses, expects {@code expectedStatus}. A
   * different final status makes SIPp abort the call (with {@code -nd}: without sending a BYE); the
   * trace still shows it, which is what the result reports.
   */
  static String uac(SipRequest request, int expectedStatus) {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n");
    xml.append("<scenario name=\"lyncemu-uac\">\n  <send>\n    <![CDATA[\n\n");
    xml.append("      ").append(request.method()).append(' ').append(request.requestUri());
    xml.append(" SIP/2.0\n");
    xml.append("      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]\n");
    xml.append("      From: <")
        .append(request.from())
        .append(">;tag=[pid]SIPpTag00[call_number]\n");
    xml.append("      To: <").append(request.to()).append(">\n");
    xml.append("      Call-ID: [call_id]\n");
    xml.append("      CSeq: 1 ").append(request.method()).append('\n');
    xml.append("      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>\n");
    xml.append("      Max-Forwards: 70\n");
    if (request.contentType() != null) {
      xml.append("      Content-Type: ").append(request.contentType()).append('\n');
    }
    xml.append("      Content-Length: [len]\n\n");
    if (!request.body().isEmpty()) {
      xml.append(request.body()).append('\n');
    }
    xml.append("    ]]>\n  </send>\n");
    for (int provisional : new int[] {100, 180, 183}) {
      if (provisional != expectedStatus) {
        xml.append("  <recv response=\"").append(provisional).append("\" optional=\"true\"/>\n");
      }
    }
    xml.append("  <recv response=\"").append(expectedStatus).append("\"/>\n");
    xml.append("</scenario>\n");
    return xml.toString();
  }

  /**
   * Answers any request with {@code status}. Nothing follows the final send: anything after it
   * makes SIPp count the call failed when the peer closes (PROTOCOLS.md 11.5).
   */
  static String uas(int status, String reason) {
    return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n"
        + "<scenario name=\"lyncemu-uas\">\n"
        + "  <recv request=\".\" regexp_match=\"true\"/>\n"
        + "  <send>\n    <![CDATA[\n\n"
        + "      SIP/2.0 "
        + status
        + " "
        + reason
        + "\n"
        + "      [last_Via:]\n"
        + "      [last_From:]\n"
        + "      [last_To:];tag=[pid]SIPpTag01[call_number]\n"
        + "      [last_Call-ID:]\n"
        + "      [last_CSeq:]\n"
        + "      Contact: <sip:[local_ip]:[local_port];transport=[transport]>\n"
        + "      Content-Length: 0\n\n"
        + "    ]]>\n  </send>\n"
        + "</scenario>\n";
  }

  /** RFC 3261 reason phrases for the statuses tests use; others get a generic one. */
  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 480 -> "Temporarily Unavailable";
      case 500 -> "Server Internal Error";
      case 503 -> "Service Unavailable";
      case 504 -> "Server Time-out";
      default -> "Status " + status;
    };
  }
}
