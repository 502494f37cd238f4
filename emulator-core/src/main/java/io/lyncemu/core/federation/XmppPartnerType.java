package io.lyncemu.core.federation;

/**
 * PartnerType of an XMPP partner. Only {@code Federated} is glossed by the help; reading the public
 * types as "the provider does / does not verify its users" is inferred from the planning docs.
 */
public enum XmppPartnerType {
  FEDERATED,
  PUBLIC_VERIFIED,
  PUBLIC_UNVERIFIED;

  public static XmppPartnerType parse(String value) {
    return EnumNames.parse(XmppPartnerType.class, value);
  }

  @Override
  public String toString() {
    return EnumNames.pascal(this);
  }
}
