package io.lyncemu.edge.peers;

import java.util.Objects;

/**
 * The one request a {@link SippPeer} UAC sends. Values go into a SIPp scenario verbatim, so they
 * must not contain {@code [} (SIPp keywords) or {@code ]]>} (the CDATA end).
 *
 * @param method OPTIONS or MESSAGE (anything that needs no dialog)
 * @param requestUri e.g. {@code sip:bob@contoso.com}
 * @param from the From URI, e.g. {@code sip:alice@partner.example}
 * @param to the To URI
 * @param contentType null for no body
 * @param body the body, empty for none
 */
public record SipRequest(
    String method, String requestUri, String from, String to, String contentType, String body) {

  public SipRequest {
    for (String value : new String[] {method, requestUri, from, to, contentType, body}) {
      if (value != null && (value.contains("[") || value.contains("]]>"))) {
        throw new IllegalArgumentException("SIPp would misread this scenario value: " + value);
      }
    }
    Objects.requireNonNull(method);
    Objects.requireNonNull(requestUri);
    Objects.requireNonNull(from);
    Objects.requireNonNull(to);
    body = body == null ? "" : body;
  }

  public static SipRequest options(String requestUri, String from, String to) {
    return new SipRequest("OPTIONS", requestUri, from, to, null, "");
  }

  public static SipRequest message(String requestUri, String from, String to, String text) {
    return new SipRequest("MESSAGE", requestUri, from, to, "text/plain; charset=UTF-8", text);
  }
}
