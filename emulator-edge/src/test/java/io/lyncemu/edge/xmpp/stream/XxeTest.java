package io.lyncemu.edge.xmpp.stream;

import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.RESTRICTED_XML;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External entities and DTDs point at a local HTTP decoy that counts requests. The decoder is
 * synchronous, so once a write returns any fetch would already have happened.
 */
class XxeTest {
  private static final String STREAM_START =
      "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'>";

  private HttpServer decoy;
  private final AtomicInteger requests = new AtomicInteger();
  private String decoyUrl;

  @BeforeEach
  void startDecoy() throws IOException {
    decoy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    decoy.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "<!ENTITY leaked 'SECRET'>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    decoy.start();
    decoyUrl = "http://127.0.0.1:" + decoy.getAddress().getPort() + "/secret";
  }

  @AfterEach
  void stopDecoy() {
    decoy.stop(0);
  }

  private String xxeEntity(String systemId) {
    return "<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY xxe SYSTEM '"
        + systemId
        + "'>]>"
        + STREAM_START
        + "<message><body>&xxe;</body></message>";
  }

  @Test
  void externalEntityOverHttpIsRestrictedAndNeverFetched() {
    StreamHarness h = new StreamHarness().write(xxeEntity(decoyUrl));

    assertThat(h.error().condition()).isEqualTo(RESTRICTED_XML);
    assertThat(h.events).isEmpty();
    assertThat(requests).hasValue(0);
  }

  @Test
  void externalDtdIsRestrictedAndNeverFetched() {
    StreamHarness h =
        new StreamHarness()
            .write("<!DOCTYPE stream:stream SYSTEM '" + decoyUrl + "'>" + STREAM_START);

    assertThat(h.error().condition()).isEqualTo(RESTRICTED_XML);
    assertThat(requests).hasValue(0);
  }

  @Test
  void externalEntityOnAFileIsRestrictedAndNeverRead(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
    StreamHarness h = new StreamHarness().write(xxeEntity(secret.toUri().toString()));

    assertThat(h.error().condition()).isEqualTo(RESTRICTED_XML);
    assertThat(h.stanzas()).isEmpty();
  }

  /**
   * Defence in depth: even without the decoder's own DOCTYPE check, the configured Aalto reader
   * never goes to the network and never expands the entity.
   */
  @Test
  void theConfiguredParserAloneNeverFetches() {
    for (String doc :
        new String[] {
          xxeEntity(decoyUrl),
          "<!DOCTYPE stream:stream SYSTEM '" + decoyUrl + "'>" + STREAM_START + "<a>&leaked;</a>"
        }) {
      AsyncXMLStreamReader<AsyncByteArrayFeeder> reader = SecureAsyncXml.newReader();
      byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
      StringBuilder text = new StringBuilder();
      try {
        reader.getInputFeeder().feedInput(bytes, 0, bytes.length);
        int event;
        while ((event = reader.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
          if (event == AsyncXMLStreamReader.CHARACTERS) {
            text.append(reader.getText());
          }
        }
      } catch (XMLStreamException expected) {
        // rejecting outright is fine too
      }
      assertThat(text.toString()).doesNotContain("SECRET");
    }
    assertThat(requests).hasValue(0);
  }
}
