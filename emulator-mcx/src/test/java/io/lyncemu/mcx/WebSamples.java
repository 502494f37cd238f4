package io.lyncemu.mcx;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Request bodies the peer and hostile-input tests send to the Web Ticket service. */
public final class WebSamples {
  /** An RST/Issue for a SAML 1.1 ticket, as sent on the WinNegotiate port. */
  public static final String RST =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"
          xmlns:wst="http://docs.oasis-open.org/ws-sx/ws-trust/200512"
          xmlns:wsp="http://schemas.xmlsoap.org/ws/2004/09/policy"
          xmlns:wsa="http://www.w3.org/2005/08/addressing">
        <s:Body>
          <wst:RequestSecurityToken Context="peer-1">
            <wst:TokenType>http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV1.1</wst:TokenType>
            <wst:RequestType>http://schemas.xmlsoap.org/ws/2005/02/trust/Issue</wst:RequestType>
            <wsp:AppliesTo><wsa:EndpointReference><wsa:Address>https://atl-cs-001.litwareinc.com/Mcx/McxService.svc</wsa:Address></wsa:EndpointReference></wsp:AppliesTo>
          </wst:RequestSecurityToken>
        </s:Body>
      </s:Envelope>
      """;

  private WebSamples() {}

  /**
   * An RST for the {@code /Auth} port with a WS-Security UsernameToken; the user name and password
   * are base64 (UTF-8) as Lync clients send them.
   */
  public static String usernameTokenRst(String logon, String password) {
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"
            xmlns:a="http://www.w3.org/2005/08/addressing"
            xmlns:u="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">
          <s:Header>
            <o:Security s:mustUnderstand="1"
                xmlns:o="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
              <o:UsernameToken u:Id="peer-token-1">
                <o:Username>%s</o:Username>
                <o:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">%s</o:Password>
              </o:UsernameToken>
            </o:Security>
          </s:Header>
          <s:Body>
            <trust:RequestSecurityToken Context="peer-2"
                xmlns:trust="http://docs.oasis-open.org/ws-sx/ws-trust/200512">
              <trust:RequestType>http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue</trust:RequestType>
              <trust:TokenType>http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV1.1</trust:TokenType>
            </trust:RequestSecurityToken>
          </s:Body>
        </s:Envelope>
        """
        .formatted(base64(logon), base64(password));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
