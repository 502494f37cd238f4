package io.lyncemu.edge.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A user of a federation partner's XMPP server (usually a {@link ProsodyPeer}), logged in over
 * plain c2s with Smack. Incoming messages and presences queue up so a test can await them with a
 * timeout instead of registering listeners.
 */
public final class PartnerXmppClient implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  static {
    // emulator-edge puts Aalto on the classpath, so Smack's StAX parser gets Aalto, which reports
    // a default-namespace declaration's prefix as "" where Smack asserts null-or-non-empty. With
    // surefire's -ea, the Smack reader thread then dies on the first unknown extension element and
    // the message never arrives. The assertion guards nothing Smack needs; switch it off for Smack
    // classes loaded from here on (they are loaded lazily, after this).
    PartnerXmppClient.class
        .getClassLoader()
        .setPackageAssertionStatus("org.jivesoftware.smack", false);
  }

  private final XMPPTCPConnection connection;
  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final BlockingQueue<Presence> presences = new LinkedBlockingQueue<>();

  private PartnerXmppClient(XMPPTCPConnection connection) {
    this.connection = connection;
  }

  /** Logs {@code localpart@prosody.domain()} in on the Prosody's c2s port. */
  public static PartnerXmppClient login(ProsodyPeer prosody, String localpart, String password)
      throws IOException {
    return login(prosody.domain(), prosody.c2sPort(), localpart, password);
  }

  /**
   * Logs {@code localpart@domain} in on 127.0.0.1:c2sPort. Security mode is disabled: the peers
   * allow PLAIN without TLS, and a plain stream keeps c2s out of any TLS question a test asks.
   */
  public static PartnerXmppClient login(
      String domain, int c2sPort, String localpart, String password) throws IOException {
    XMPPTCPConnection connection =
        new XMPPTCPConnection(
            XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(domain)
                // an address, not a name: no DNS lookup, the partner domain only exists in tests
                .setHostAddress(InetAddress.getLoopbackAddress())
                .setPort(c2sPort)
                .setSecurityMode(SecurityMode.disabled)
                .setUsernameAndPassword(localpart, password)
                .setResource("lyncemu-test")
                .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
                .build());
    connection.setReplyTimeout(CONNECT_TIMEOUT.toMillis());
    // Smack's default answers subscription requests by itself (reject_all); tests want to see
    // them and answer explicitly.
    Roster.getInstanceFor(connection).setSubscriptionMode(Roster.SubscriptionMode.manual);
    PartnerXmppClient client = new PartnerXmppClient(connection);
    connection.addAsyncStanzaListener(
        stanza -> client.messages.add((Message) stanza), StanzaTypeFilter.MESSAGE);
    connection.addAsyncStanzaListener(
        stanza -> client.presences.add((Presence) stanza), StanzaTypeFilter.PRESENCE);
    try {
      connection.connect().login();
    } catch (SmackException | XMPPException | InterruptedException e) {
      connection.disconnect();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException(
          "cannot log in " + localpart + "@" + domain + " on 127.0.0.1:" + c2sPort, e);
    }
    return client;
  }

  /** The bare JID this client logged in as. */
  public EntityBareJid jid() {
    return connection.getUser().asEntityBareJid();
  }

  /** The full JID, with the resource Prosody bound. */
  public EntityFullJid fullJid() {
    return connection.getUser();
  }

  /** Sends a {@code chat} message with {@code body} to {@code to} (a bare or full JID). */
  public void sendMessage(String to, String body) throws IOException {
    send(
        connection
            .getStanzaFactory()
            .buildMessageStanza()
            .to(jid(to))
            .ofType(Message.Type.chat)
            .setBody(body)
            .build());
  }

  /** Asks {@code to} for a presence subscription. */
  public void subscribe(String to) throws IOException {
    sendPresence(Presence.Type.subscribe, to);
  }

  /** Approves {@code to}'s subscription request. */
  public void subscribed(String to) throws IOException {
    sendPresence(Presence.Type.subscribed, to);
  }

  /** Sends a presence of any type to {@code to}. */
  public void sendPresence(Presence.Type type, String to) throws IOException {
    send(connection.getStanzaFactory().buildPresenceStanza().ofType(type).to(jid(to)).build());
  }

  /** Sends any stanza, e.g. one built with {@link #connection()}'s stanza factory. */
  public void send(Stanza stanza) throws IOException {
    try {
      connection.sendStanza(stanza);
    } catch (SmackException.NotConnectedException e) {
      throw new IOException(jid() + " is not connected", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted sending from " + jid(), e);
    }
  }

  /** The next incoming message; fails (AssertionError) after {@code timeout}. */
  public Message awaitMessage(Duration timeout) {
    return next(messages, timeout, "message");
  }

  /** The next incoming presence; fails (AssertionError) after {@code timeout}. */
  public Presence awaitPresence(Duration timeout) {
    return next(presences, timeout, "presence");
  }

  /** Incoming messages not yet awaited, for tests that want to drain or inspect them. */
  public BlockingQueue<Message> messages() {
    return messages;
  }

  /** Incoming presences not yet awaited (including this user's own available presence echo). */
  public BlockingQueue<Presence> presences() {
    return presences;
  }

  /** The Smack connection, for what this helper does not wrap. */
  public XMPPTCPConnection connection() {
    return connection;
  }

  @Override
  public void close() {
    connection.disconnect();
  }

  @Override
  public String toString() {
    return "PartnerXmppClient(" + connection.getUser() + ")";
  }

  private <T> T next(BlockingQueue<T> queue, Duration timeout, String what) {
    try {
      T next = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (next == null) {
        throw new AssertionError(
            connection.getUser() + " received no " + what + " within " + timeout);
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted awaiting a " + what + " for " + jid(), e);
    }
  }

  private static Jid jid(String jid) throws IOException {
    try {
      return JidCreate.from(jid);
    } catch (Exception e) {
      throw new IOException("not a JID: " + jid, e);
    }
  }
}
