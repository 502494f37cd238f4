package io.lyncemu.edge.sip;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request the inside asks the Access Edge to send to a federated domain, e.g. the Mobility
 * Service's {@code MESSAGE sip:push@push.lync.com}. The partner domain is the host of {@code to}.
 *
 * @param method {@code MESSAGE} or {@code OPTIONS}
 * @param requestUri e.g. {@code sip:push@push.lync.com}
 * @param from the local sender, e.g. {@code sip:kenmyer@litwareinc.com} (a server may use its own
 *     FQDN inside the SIP domain)
 * @param to the federated recipient
 * @param contentType blank when there is no body
 * @param body the body text (UTF-8); blank for none
 * @param headers extra headers, sent as given
 */
public record SipRequestSpec(
    String method,
    String requestUri,
    String from,
    String to,
    String contentType,
    String body,
    Map<String, String> headers) {
  public SipRequestSpec {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(requestUri, "requestUri");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    contentType = contentType == null ? "" : contentType;
    body = body == null ? "" : body;
    headers = headers == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(headers));
  }

  public static SipRequestSpec message(String from, String to, String contentType, String body) {
    return new SipRequestSpec("MESSAGE", to, from, to, contentType, body, Map.of());
  }

  public static SipRequestSpec options(String from, String to) {
    return new SipRequestSpec("OPTIONS", to, from, to, "", "", Map.of());
  }
}
