package io.lyncemu.mcx.webticket;

import io.lyncemu.mcx.xml.SafeXml;
import io.lyncemu.mcx.xml.XmlRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SOAP 1.1 faults of the Web Ticket service and the {@code X-Ms-diagnostics} header (PROTOCOLS 2.8,
 * MS-OCAUTHWS): {@code s:Fault} with {@code faultcode}, {@code faultstring} and {@code
 * s:detail/af:OCSDiagnosticsFaultType/af:Ms-Diagnostics-Fault/{af:ErrorId, af:Reason}}.
 *
 * <p>Error ids: 28020 ("No valid security token.") and 28029 ("Authentication type not allowed.")
 * are observed values. {@link #ACCOUNT_DISABLED_ID}, {@link #MALFORMED_REQUEST_ID} and {@link
 * #DTD_FORBIDDEN_ID} are <b>emulator-chosen</b>: the real ids for those cases are not public.
 *
 * <p>Thread-safety: stateless; all factories are static.
 */
public final class SoapFaults {
  public static final int NO_VALID_SECURITY_TOKEN_ID = 28020;
  public static final int AUTHENTICATION_TYPE_NOT_ALLOWED_ID = 28029;

  /** Emulator-chosen. */
  public static final int ACCOUNT_DISABLED_ID = 28901;

  /** Emulator-chosen. */
  public static final int MALFORMED_REQUEST_ID = 28902;

  /** Emulator-chosen. */
  public static final int DTD_FORBIDDEN_ID = 28903;

  static final String NO_VALID_SECURITY_TOKEN = "No valid security token.";
  static final String ACCOUNT_DISABLED = "The user account is disabled.";

  private SoapFaults() {}

  /**
   * One fault, ready to serialise. WCF sends SOAP 1.1 faults with HTTP 500.
   *
   * @param faultCode local part of the SOAP 1.1 fault code: {@code Client} or {@code Server}
   * @param faultString the human-readable {@code faultstring}
   * @param errorId the diagnostics error id
   * @param reason the diagnostics reason
   */
  public record SoapFault(String faultCode, String faultString, int errorId, String reason) {
    public static final int HTTP_STATUS = 500;
    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    public SoapFault {
      Objects.requireNonNull(faultCode, "faultCode");
      Objects.requireNonNull(faultString, "faultString");
      Objects.requireNonNull(reason, "reason");
    }

    /** The SOAP 1.1 envelope text with an XML declaration. */
    public String xml() {
      Document doc = SafeXml.newDocument();
      Element envelope = doc.createElementNS(WsNames.SOAP11, "s:Envelope");
      envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:s", WsNames.SOAP11);
      doc.appendChild(envelope);
      Element body = add(doc, envelope, WsNames.SOAP11, "s:Body");
      Element fault = add(doc, body, WsNames.SOAP11, "s:Fault");
      // SOAP 1.1: faultcode/faultstring/detail are unqualified children of Fault.
      add(doc, fault, null, "faultcode").setTextContent("s:" + faultCode);
      Element text = add(doc, fault, null, "faultstring");
      text.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en-US");
      text.setTextContent(faultString);
      Element detail = add(doc, fault, null, "detail");
      Element type = add(doc, detail, WsNames.AF, "af:OCSDiagnosticsFaultType");
      type.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:af", WsNames.AF);
      Element diag = add(doc, type, WsNames.AF, "af:Ms-Diagnostics-Fault");
      add(doc, diag, WsNames.AF, "af:ErrorId").setTextContent(String.valueOf(errorId));
      add(doc, diag, WsNames.AF, "af:Reason").setTextContent(reason);
      return SafeXml.serialize(doc, true);
    }

    public byte[] bytes() {
      return xml().getBytes(StandardCharsets.UTF_8);
    }

    /** The matching {@code X-Ms-diagnostics} header value, with {@code source=fqdn}. */
    public String diagnosticsHeader(String fqdn) {
      return SoapFaults.diagnosticsHeader(errorId, fqdn, reason, Optional.empty());
    }

    private static Element add(Document doc, Element parent, String ns, String name) {
      Element e = doc.createElementNS(ns, name);
      parent.appendChild(e);
      return e;
    }
  }

  /** Bad credentials, or no credentials/ticket at all (28020; lyncsmash keys on "No valid"). */
  public static SoapFault noValidSecurityToken() {
    return new SoapFault(
        "Client", NO_VALID_SECURITY_TOKEN, NO_VALID_SECURITY_TOKEN_ID, NO_VALID_SECURITY_TOKEN);
  }

  /**
   * Correct password for a disabled account on {@code /Auth}; the text contains "account is
   * disabled", which lyncsmash uses to report a valid-but-disabled user. Id is emulator-chosen.
   */
  public static SoapFault accountDisabled() {
    return new SoapFault("Client", ACCOUNT_DISABLED, ACCOUNT_DISABLED_ID, ACCOUNT_DISABLED);
  }

  /**
   * A body that is XML but not a usable RST, or not XML at all. Id is emulator-chosen.
   *
   * @param detail a short, request-safe description (e.g. an exception message from this package)
   */
  public static SoapFault malformedRequest(String detail) {
    Objects.requireNonNull(detail, "detail");
    return new SoapFault(
        "Client", "The request is malformed.", MALFORMED_REQUEST_ID, limit(detail, 200));
  }

  /** A body carrying a DTD. Id is emulator-chosen. */
  public static SoapFault dtdForbidden() {
    return new SoapFault(
        "Client",
        XmlRejectedException.Reason.DOCTYPE_FORBIDDEN.faultText(),
        DTD_FORBIDDEN_ID,
        "DTD is prohibited.");
  }

  /** The fault for any XML rejection: DTDs get their own id, everything else is malformed. */
  public static SoapFault forRejectedXml(XmlRejectedException e) {
    Objects.requireNonNull(e, "e");
    return e.reason() == XmlRejectedException.Reason.DOCTYPE_FORBIDDEN
        ? dtdForbidden()
        : malformedRequest(e.reason().faultText());
  }

  /**
   * Builds {@code <errorId>;source="<fqdn>";reason="<text>"[;fault="<code>"]} (MS-OCAUTHWS
   * IssueToken ABNF). Quotes and backslashes are escaped and control characters dropped, so values
   * can never split or inject header lines.
   */
  public static String diagnosticsHeader(
      int errorId, String fqdn, String reason, Optional<String> fault) {
    Objects.requireNonNull(fqdn, "fqdn");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(fault, "fault");
    StringBuilder sb = new StringBuilder();
    sb.append(errorId)
        .append(";source=")
        .append(quoted(fqdn))
        .append(";reason=")
        .append(quoted(reason));
    fault.ifPresent(f -> sb.append(";fault=").append(quoted(f)));
    return sb.toString();
  }

  private static String quoted(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    value
        .codePoints()
        .filter(cp -> !Character.isISOControl(cp))
        .forEach(
            cp -> {
              if (cp == '"' || cp == '\\') {
                sb.append('\\');
              }
              sb.appendCodePoint(cp);
            });
    return sb.append('"').toString();
  }

  private static String limit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
