package io.lyncemu.mcx.webticket;

/**
 * Namespace URIs, SOAP actions and token-type URIs of the Web Ticket service, in one place so
 * readers and writers cannot drift apart. Constants only; thread-safe.
 */
public final class WsNames {
  public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  public static final String WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
  public static final String WSA = "http://www.w3.org/2005/08/addressing";
  public static final String WSP = "http://schemas.xmlsoap.org/ws/2004/09/policy";
  public static final String WSSE =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  public static final String WSU =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
  public static final String SAML = "urn:oasis:names:tc:SAML:1.0:assertion";
  public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
  public static final String AUTH = "http://schemas.xmlsoap.org/ws/2006/12/authorization";

  /** The {@code af} namespace of MS-OCAUTHWS (OAuth hint, diagnostics faults). */
  public static final String AF = "urn:component:Microsoft.Rtc.WebAuthentication.2010";

  public static final String ACTION_RST_ISSUE =
      "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue";
  public static final String ACTION_RSTRC_ISSUE_FINAL =
      "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RSTRC/IssueFinal";

  public static final String TOKEN_TYPE_SAML11 =
      "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV1.1";
  public static final String TOKEN_TYPE_USER_CWT1 =
      "urn:component:Microsoft.Rtc.WebAuthentication.2010:user-cwt-1";

  /** sipe sends the WS-Trust February 2005 Issue URI even inside a 1.3 RST. */
  public static final String REQUEST_TYPE_ISSUE_2005 =
      "http://schemas.xmlsoap.org/ws/2005/02/trust/Issue";

  public static final String REQUEST_TYPE_ISSUE = WST + "/Issue";
  public static final String KEY_TYPE_SYMMETRIC = WST + "/SymmetricKey";
  public static final String KEY_TYPE_BEARER = WST + "/Bearer";
  public static final String COMPUTED_KEY_PSHA1 = WST + "/CK/PSHA1";
  public static final String BINARY_SECRET_NONCE = WST + "/Nonce";
  public static final String SAML_ASSERTION_ID_VALUE_TYPE =
      "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.0#SAMLAssertionID";
  public static final String CLAIM_URI =
      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/uri";
  public static final String CLAIMS_DIALECT = AF + ":authclaims";
  public static final String PASSWORD_TEXT =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

  private WsNames() {}
}
