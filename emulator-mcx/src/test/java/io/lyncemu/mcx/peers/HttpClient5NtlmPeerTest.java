package io.lyncemu.mcx.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.mcx.WebFixture;
import io.lyncemu.mcx.WebSamples;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.NTCredentials;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.NTLMSchemeFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache HttpClient 5's own NTLM engine (deprecated in 5.x but still shipped) against the
 * WinNegotiate port over TLS, reaching the pool's name through a resolver that maps it to loopback.
 */
@SuppressWarnings("deprecation") // NTLM in HttpClient 5 is deprecated; exercising it is the point.
class HttpClient5NtlmPeerTest {
  private static final String POOL = "atl-cs-001.litwareinc.com";

  @TempDir Path state;
  private WebFixture web;

  @BeforeEach
  void start() {
    web = new WebFixture(state);
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private record Reply(int status, String body) {}

  private Reply post(String domain, String user, String password) throws IOException {
    DnsResolver resolver =
        new SystemDefaultDnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
            return host.equalsIgnoreCase(POOL)
                ? new InetAddress[] {InetAddress.getLoopbackAddress()}
                : super.resolve(host);
          }
        };
    var connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(resolver)
            .setTlsSocketStrategy(
                ClientTlsStrategyBuilder.create()
                    .setSslContext(web.ca.clientContext())
                    .buildClassic())
            .build();
    var credentials = new BasicCredentialsProvider();
    credentials.setCredentials(
        new AuthScope(POOL, web.httpsPort()),
        new NTCredentials(user, password.toCharArray(), "WS01", domain));
    RequestConfig config =
        RequestConfig.custom()
            .setTargetPreferredAuthSchemes(List.of(StandardAuthScheme.NTLM))
            .setResponseTimeout(Timeout.ofSeconds(20))
            .build();
    try (CloseableHttpClient client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .setDefaultCredentialsProvider(credentials)
            .setDefaultAuthSchemeRegistry(
                RegistryBuilder.<AuthSchemeFactory>create()
                    .register(StandardAuthScheme.NTLM, NTLMSchemeFactory.INSTANCE)
                    .build())
            .setDefaultRequestConfig(config)
            .build()) {
      HttpPost post =
          new HttpPost(
              "https://" + POOL + ":" + web.httpsPort() + "/WebTicket/WebTicketService.svc");
      post.setEntity(
          new StringEntity(WebSamples.RST, ContentType.create("text/xml", StandardCharsets.UTF_8)));
      return client.execute(
          post,
          response ->
              new Reply(
                  response.getCode(),
                  EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void httpClientNtlmWithTheRightPasswordGetsAnRstr() throws IOException {
    Reply reply = post("LITWAREINC", "kenmyer", "Ken!Lync2013");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .contains("RequestSecurityTokenResponse")
        .contains("sip:kenmyer@litwareinc.com");
    assertThat(
            web.journal
                .await(JournalQuery.kind(EventKind.AUTH_SUCCEEDED), Duration.ofSeconds(5))
                .attribute("logon"))
        .isEqualToIgnoringCase("LITWAREINC\\kenmyer");
  }

  @Test
  void httpClientNtlmWithAWrongPasswordGets401() throws IOException {
    Reply reply = post("LITWAREINC", "kenmyer", "wrong");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(web.journal.query(JournalQuery.kind(EventKind.AUTH_FAILED)))
        .extracting(e -> e.attribute("reason"))
        .contains("WRONG_PASSWORD");
  }
}
