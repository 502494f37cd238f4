package io.lyncemu.edge.xmpp.stream;

/** The namespace URIs the stream layer needs to recognise or write. */
public final class XmppNamespaces {
  /** The {@code stream:} prefix of the stream header, features and errors. */
  public static final String STREAMS = "http://etherx.jabber.org/streams";

  /** The default content namespace of a server-to-server stream. */
  public static final String SERVER = "jabber:server";

  /** XEP-0220 Server Dialback, bound to the {@code db:} prefix in stream headers. */
  public static final String DIALBACK = "jabber:server:dialback";

  /** Children of {@code <stream:error/>}. */
  public static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";

  public static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
  public static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";

  /** The namespace of {@code xml:lang}; always bound, never declared. */
  public static final String XML = "http://www.w3.org/XML/1998/namespace";

  private XmppNamespaces() {}
}
