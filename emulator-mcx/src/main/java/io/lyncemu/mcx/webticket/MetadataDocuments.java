package io.lyncemu.mcx.webticket;

import io.lyncemu.mcx.xml.SafeXml;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The WS-MetadataExchange documents (WSDL 1.1 with inline WS-Policy) served at {@code …/mex}.
 *
 * <ul>
 *   <li>{@link #webTicketService()}: the Web Ticket service as sipe walks it (PROTOCOLS 2.2):
 *       {@code wsdl:service/wsdl:port[@name]/soap:address/@location} for ports {@value
 *       #WIN_NEGOTIATE_PORT}, {@value #AUTH_PORT} and optionally {@value #WSFED_BEARER_PORT}; one
 *       {@code wsp:Policy wsu:Id="<port>_policy"} per port; the {@code af:OAuth} hint.
 *   <li>{@link #mcxService()}: an <b>emulator-defined</b> Mobility Service WSDL whose policy names
 *       the Web Ticket service under {@code
 *       ExactlyOne/All/EndorsingSupportingTokens/Policy/IssuedToken/Issuer/Address}, which is how
 *       sipe-like clients find where to get a ticket (PROTOCOLS 2.2 step 1, 3.5).
 * </ul>
 *
 * <p>Thread-safety: immutable; each call builds a fresh document.
 */
public final class MetadataDocuments {
  public static final String WIN_NEGOTIATE_PORT = "WebTicketServiceWinNegotiate";
  public static final String AUTH_PORT = "WebTicketServiceAuth";
  public static final String WSFED_BEARER_PORT = "WsFedBearer";
  public static final String MCX_PORT = "McxServiceWebTicketBearer";
  public static final String WEB_TICKET_PATH = "/WebTicket/WebTicketService.svc";
  public static final String MCX_PATH = "/Mcx/McxService.svc";
  public static final String OAUTH_PATH = "/WebTicket/oauthtoken";

  static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
  static final String WSDL_SOAP = "http://schemas.xmlsoap.org/wsdl/soap/";
  static final String WSAW = "http://www.w3.org/2006/05/addressing/wsdl";
  static final String SP = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";
  static final String MS_HTTP_POLICY = "http://schemas.microsoft.com/ws/06/2004/policy/http";
  static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
  private static final String TNS = "http://tempuri.org/";
  private static final String MCX_NS = "urn:lyncemu:mcx:1"; // docs/mcx-protocol.md
  private static final String SOAP_HTTP = "http://schemas.xmlsoap.org/soap/http";
  private static final String INCLUDE_ALWAYS_TO_RECIPIENT = SP + "/IncludeToken/AlwaysToRecipient";

  private final String baseUrl;
  private final String host;
  private final boolean advertiseWsFedBearer;

  /**
   * @param baseUrl scheme, host and optional port of the web services, e.g. {@code
   *     https://atl-cs-001.litwareinc.com}; a trailing slash is ignored
   * @param host the host name put in the {@code af:OAuth} authorization URI
   * @param advertiseWsFedBearer whether to list the {@value #WSFED_BEARER_PORT} port
   */
  public MetadataDocuments(URI baseUrl, String host, boolean advertiseWsFedBearer) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be absolute: " + baseUrl);
    }
    String s = baseUrl.toString();
    this.baseUrl = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    this.host = Objects.requireNonNull(host, "host");
    this.advertiseWsFedBearer = advertiseWsFedBearer;
  }

  /** The Web Ticket service URL, {@code <base>/WebTicket/WebTicketService.svc}. */
  public String webTicketServiceUrl() {
    return baseUrl + WEB_TICKET_PATH;
  }

  /** The OAuth token endpoint named in {@code af:OAuth}. */
  public String oauthUrl() {
    return "https://" + host + OAUTH_PATH;
  }

  private record Port(String name, String path, BiConsumer<Document, Element> policy) {}

  /** The {@code /WebTicket/WebTicketService.svc/mex} document. */
  public String webTicketService() {
    List<Port> ports = new ArrayList<>();
    ports.add(
        new Port(
            WIN_NEGOTIATE_PORT,
            WEB_TICKET_PATH,
            (doc, all) -> el(doc, all, MS_HTTP_POLICY, "http:NegotiateAuthentication")));
    ports.add(new Port(AUTH_PORT, WEB_TICKET_PATH + "/Auth", MetadataDocuments::usernamePolicy));
    if (advertiseWsFedBearer) {
      ports.add(
          new Port(
              WSFED_BEARER_PORT,
              WEB_TICKET_PATH + "/WsFed_bearer",
              MetadataDocuments::bearerPolicy));
    }

    Document doc = SafeXml.newDocument();
    Element defs = definitions(doc, "WebTicketService");
    for (Port port : ports) {
      Element all = policy(doc, defs, port.name());
      port.policy().accept(doc, all);
      transportBinding(doc, all);
      Element oauth = el(doc, all, WsNames.AF, "af:OAuth");
      oauth.setAttributeNS(WsNames.AF, "af:authorizationUri", oauthUrl());
      el(doc, all, WSAW, "wsaw:UsingAddressing");
    }
    messagesAndPortType(
        doc,
        defs,
        "IWebTicketService",
        "IssueToken",
        WsNames.ACTION_RST_ISSUE,
        WsNames.ACTION_RSTRC_ISSUE_FINAL,
        "wst:RequestSecurityToken",
        "wst:RequestSecurityTokenResponseCollection");
    for (Port port : ports) {
      binding(doc, defs, port.name(), "IWebTicketService", "IssueToken", WsNames.ACTION_RST_ISSUE);
    }
    Element service = el(doc, defs, WSDL, "wsdl:service");
    service.setAttribute("name", "WebTicketService");
    for (Port port : ports) {
      port(doc, service, port.name(), baseUrl + port.path());
    }
    return SafeXml.serialize(doc, true, true);
  }

  /** The emulator-defined {@code /Mcx/McxService.svc/mex} document. */
  public String mcxService() {
    Document doc = SafeXml.newDocument();
    doc.appendChild(
        doc.createComment(
            " Emulator-defined (Lync Emulator): the real Mobility Service WSDL is not public."
                + " Not wire-compatible with Lync 2010 Mobile. Only the web-ticket issuer policy"
                + " follows the MS-OCAUTHWS pattern. "));
    Element defs = definitions(doc, "McxService");
    defs.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:mcx", MCX_NS);

    Element all = policy(doc, defs, MCX_PORT);
    transportBinding(doc, all);
    Element endorsing = el(doc, all, SP, "sp:EndorsingSupportingTokens");
    Element endorsingPolicy = el(doc, endorsing, WsNames.WSP, "wsp:Policy");
    Element issued = el(doc, endorsingPolicy, SP, "sp:IssuedToken");
    issued.setAttributeNS(SP, "sp:IncludeToken", INCLUDE_ALWAYS_TO_RECIPIENT);
    Element issuer = el(doc, issued, SP, "sp:Issuer");
    el(doc, issuer, WsNames.WSA, "wsa10:Address").setTextContent(webTicketServiceUrl());
    Element template = el(doc, issued, SP, "sp:RequestSecurityTokenTemplate");
    el(doc, template, WsNames.WST, "wst:TokenType").setTextContent(WsNames.TOKEN_TYPE_SAML11);
    el(doc, template, WsNames.WST, "wst:KeyType").setTextContent(WsNames.KEY_TYPE_SYMMETRIC);
    Element issuedPolicy = el(doc, issued, WsNames.WSP, "wsp:Policy");
    el(doc, issuedPolicy, SP, "sp:RequireInternalReference");
    el(doc, all, WSAW, "wsaw:UsingAddressing");

    Element types = el(doc, defs, WSDL, "wsdl:types");
    Element schema = el(doc, types, XSD, "xsd:schema");
    schema.setAttribute("targetNamespace", MCX_NS);
    schema.setAttribute("elementFormDefault", "qualified");
    for (String name : List.of("Request", "Response")) {
      Element element = el(doc, schema, XSD, "xsd:element");
      element.setAttribute("name", name);
      element.setAttribute("type", "xsd:anyType");
    }
    messagesAndPortType(
        doc,
        defs,
        "IMcxService",
        "ProcessRequest",
        MCX_NS + "/IMcxService/ProcessRequest",
        MCX_NS + "/IMcxService/ProcessRequestResponse",
        "mcx:Request",
        "mcx:Response");
    binding(
        doc,
        defs,
        MCX_PORT,
        "IMcxService",
        "ProcessRequest",
        MCX_NS + "/IMcxService/ProcessRequest");
    Element service = el(doc, defs, WSDL, "wsdl:service");
    service.setAttribute("name", "McxService");
    port(doc, service, MCX_PORT, baseUrl + MCX_PATH + "/WebTicket_Bearer");
    return SafeXml.serialize(doc, true, true);
  }

  private static Element definitions(Document doc, String name) {
    Element defs = doc.createElementNS(WSDL, "wsdl:definitions");
    doc.appendChild(defs);
    defs.setAttribute("name", name);
    defs.setAttribute("targetNamespace", TNS);
    String[][] prefixes = {
      {"wsdl", WSDL},
      {"soap", WSDL_SOAP},
      {"tns", TNS},
      {"wsp", WsNames.WSP},
      {"wsu", WsNames.WSU},
      {"sp", SP},
      {"wsaw", WSAW},
      {"wsa10", WsNames.WSA},
      {"wst", WsNames.WST},
      {"af", WsNames.AF},
      {"http", MS_HTTP_POLICY},
      {"xsd", XSD}
    };
    for (String[] p : prefixes) {
      defs.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + p[0], p[1]);
    }
    return defs;
  }

  /** Adds {@code wsp:Policy wsu:Id="<port>_policy"} and returns its {@code ExactlyOne/All}. */
  private static Element policy(Document doc, Element defs, String portName) {
    Element policy = el(doc, defs, WsNames.WSP, "wsp:Policy");
    policy.setAttributeNS(WsNames.WSU, "wsu:Id", portName + "_policy");
    return el(doc, el(doc, policy, WsNames.WSP, "wsp:ExactlyOne"), WsNames.WSP, "wsp:All");
  }

  private static void transportBinding(Document doc, Element all) {
    Element binding = el(doc, all, SP, "sp:TransportBinding");
    Element p = el(doc, binding, WsNames.WSP, "wsp:Policy");
    nested(doc, nested(doc, p, "sp:TransportToken"), "sp:HttpsToken");
    nested(doc, nested(doc, p, "sp:AlgorithmSuite"), "sp:Basic256");
    nested(doc, nested(doc, p, "sp:Layout"), "sp:Strict");
  }

  private static void usernamePolicy(Document doc, Element all) {
    Element signed = el(doc, all, SP, "sp:SignedSupportingTokens");
    Element p = el(doc, signed, WsNames.WSP, "wsp:Policy");
    Element token = el(doc, p, SP, "sp:UsernameToken");
    token.setAttributeNS(SP, "sp:IncludeToken", INCLUDE_ALWAYS_TO_RECIPIENT);
    nested(doc, token, "sp:WssUsernameToken10");
  }

  private static void bearerPolicy(Document doc, Element all) {
    Element signed = el(doc, all, SP, "sp:SignedSupportingTokens");
    Element p = el(doc, signed, WsNames.WSP, "wsp:Policy");
    Element token = el(doc, p, SP, "sp:IssuedToken");
    token.setAttributeNS(SP, "sp:IncludeToken", INCLUDE_ALWAYS_TO_RECIPIENT);
    Element template = el(doc, token, SP, "sp:RequestSecurityTokenTemplate");
    el(doc, template, WsNames.WST, "wst:TokenType").setTextContent(WsNames.TOKEN_TYPE_SAML11);
    el(doc, template, WsNames.WST, "wst:KeyType").setTextContent(WsNames.KEY_TYPE_BEARER);
  }

  /** Adds {@code <name><wsp:Policy><child/>}-style nesting: returns the inner element. */
  private static Element nested(Document doc, Element parent, String spName) {
    if (WsNames.WSP.equals(parent.getNamespaceURI())) {
      return el(doc, parent, SP, spName);
    }
    return el(doc, el(doc, parent, WsNames.WSP, "wsp:Policy"), SP, spName);
  }

  private static void messagesAndPortType(
      Document doc,
      Element defs,
      String portType,
      String operation,
      String inputAction,
      String outputAction,
      String inputElement,
      String outputElement) {
    String in = portType + "_" + operation + "_InputMessage";
    String out = portType + "_" + operation + "_OutputMessage";
    message(doc, defs, in, inputElement);
    message(doc, defs, out, outputElement);
    Element pt = el(doc, defs, WSDL, "wsdl:portType");
    pt.setAttribute("name", portType);
    Element op = el(doc, pt, WSDL, "wsdl:operation");
    op.setAttribute("name", operation);
    Element input = el(doc, op, WSDL, "wsdl:input");
    input.setAttributeNS(WSAW, "wsaw:Action", inputAction);
    input.setAttribute("message", "tns:" + in);
    Element output = el(doc, op, WSDL, "wsdl:output");
    output.setAttributeNS(WSAW, "wsaw:Action", outputAction);
    output.setAttribute("message", "tns:" + out);
  }

  private static void message(Document doc, Element defs, String name, String element) {
    Element m = el(doc, defs, WSDL, "wsdl:message");
    m.setAttribute("name", name);
    Element part = el(doc, m, WSDL, "wsdl:part");
    part.setAttribute("name", "parameters");
    part.setAttribute("element", element);
  }

  private static void binding(
      Document doc, Element defs, String name, String portType, String operation, String action) {
    Element b = el(doc, defs, WSDL, "wsdl:binding");
    b.setAttribute("name", name);
    b.setAttribute("type", "tns:" + portType);
    el(doc, b, WsNames.WSP, "wsp:PolicyReference").setAttribute("URI", "#" + name + "_policy");
    el(doc, b, WSDL_SOAP, "soap:binding").setAttribute("transport", SOAP_HTTP);
    Element op = el(doc, b, WSDL, "wsdl:operation");
    op.setAttribute("name", operation);
    Element soapOp = el(doc, op, WSDL_SOAP, "soap:operation");
    soapOp.setAttribute("soapAction", action);
    soapOp.setAttribute("style", "document");
    el(doc, el(doc, op, WSDL, "wsdl:input"), WSDL_SOAP, "soap:body").setAttribute("use", "literal");
    el(doc, el(doc, op, WSDL, "wsdl:output"), WSDL_SOAP, "soap:body")
        .setAttribute("use", "literal");
  }

  private static void port(Document doc, Element service, String name, String location) {
    Element port = el(doc, service, WSDL, "wsdl:port");
    port.setAttribute("name", name);
    port.setAttribute("binding", "tns:" + name);
    el(doc, port, WSDL_SOAP, "soap:address").setAttribute("location", location);
    Element epr = el(doc, port, WsNames.WSA, "wsa10:EndpointReference");
    el(doc, epr, WsNames.WSA, "wsa10:Address").setTextContent(location);
  }

  private static Element el(Document doc, Element parent, String ns, String qualifiedName) {
    Element e = doc.createElementNS(ns, qualifiedName);
    parent.appendChild(e);
    return e;
  }
}
