package io.lyncemu.bench;

import java.nio.charset.StandardCharsets;

/** The request bodies and paths every HTTP measurement shares. */
final class Requests {
  static final String WEB_TICKET_PATH = "/WebTicket/WebTicketService.svc";

  /** What a Lync client posts to get a SAML web ticket for MCX (WS-Trust Issue). */
  static final byte[] RST =
      ("<?xml version=\"1.0\"?>\n"
              + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
              + " xmlns:wst=\"http://docs.oasis-open.org/ws-sx/ws-trust/200512\""
              + " xmlns:wsp=\"http://schemas.xmlsoap.org/ws/2004/09/policy\""
              + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">\n"
              + "  <s:Body>\n"
              + "    <wst:RequestSecurityToken Context=\"c1\">\n"
              + "      <wst:TokenType>http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV1.1</wst:TokenType>\n"
              + "      <wst:RequestType>http://schemas.xmlsoap.org/ws/2005/02/trust/Issue</wst:RequestType>\n"
              + "      <wsp:AppliesTo><wsa:EndpointReference><wsa:Address>https://atl-cs-001.litwareinc.com/Mcx/McxService.svc</wsa:Address></wsa:EndpointReference></wsp:AppliesTo>\n"
              + "    </wst:RequestSecurityToken>\n"
              + "  </s:Body>\n"
              + "</s:Envelope>\n")
          .getBytes(StandardCharsets.UTF_8);

  static final String CONTENT_TYPE = "text/xml; charset=utf-8";

  private Requests() {}

  /** Whether {@code needle} occurs in {@code haystack}; avoids decoding 6 KB bodies per request. */
  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
