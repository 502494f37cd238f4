package io.lyncemu.mcx.webticket;

import java.util.Objects;
import java.util.Optional;

/**
 * Which form of a ticket the client was handed. Every stored ticket carries both a signed SAML
 * assertion and a compact web ticket; the kind records which one went on the wire. Immutable.
 */
public enum TicketKind {
  /** A signed SAML 1.1 assertion (sipe, the WinNegotiate port). */
  SAML_1_1(WsNames.TOKEN_TYPE_SAML11),
  /** A compact web ticket {@code cwt=…} from the {@code /Auth} port. */
  USER_CWT_1(WsNames.TOKEN_TYPE_USER_CWT1),
  /** An OAuth access token ({@code cwt=…}) from {@code /WebTicket/oauthtoken}; no WS-Trust type. */
  OAUTH_ACCESS_TOKEN(null);

  private final String tokenType;

  TicketKind(String tokenType) {
    this.tokenType = tokenType;
  }

  /** The WS-Trust {@code TokenType} URI, absent for OAuth. */
  public Optional<String> tokenType() {
    return Optional.ofNullable(tokenType);
  }

  /** Whether the client receives the compact form rather than the assertion. */
  public boolean compact() {
    return this != SAML_1_1;
  }

  /** Maps an RST {@code TokenType} to a kind; unknown URIs are absent. */
  public static Optional<TicketKind> forTokenType(String tokenTypeUri) {
    Objects.requireNonNull(tokenTypeUri, "tokenTypeUri");
    for (TicketKind kind : values()) {
      if (tokenTypeUri.trim().equals(kind.tokenType)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
