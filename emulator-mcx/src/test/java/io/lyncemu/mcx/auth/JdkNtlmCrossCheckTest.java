package io.lyncemu.mcx.auth;

import static io.lyncemu.mcx.auth.NtlmFixtures.b64;
import static io.lyncemu.mcx.auth.NtlmFixtures.challenge;
import static io.lyncemu.mcx.auth.NtlmFixtures.client;
import static io.lyncemu.mcx.auth.NtlmFixtures.server;
import static io.lyncemu.mcx.auth.NtlmFixtures.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.sasl.RealmCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Independent oracle: the JDK's own NTLM implementation, reached through the public SASL API
 * (SunSASL provider), so no --add-opens is needed.
 */
class JdkNtlmCrossCheckTest {

  private static CallbackHandler callbacks(String user, String domain, String password) {
    return all -> {
      for (Callback callback : all) {
        if (callback instanceof NameCallback name) {
          name.setName(user);
        } else if (callback instanceof PasswordCallback secret) {
          secret.setPassword(password.toCharArray());
        } else if (callback instanceof RealmCallback realm) {
          realm.setText(domain);
        }
      }
    };
  }

  private static SaslClient jdkClient(String version, String password) throws SaslException {
    Map<String, Object> props = new HashMap<>();
    props.put("com.sun.security.sasl.ntlm.version", version);
    props.put("com.sun.security.sasl.ntlm.hostname", "JDKBOX");
    return Sasl.createSaslClient(
        new String[] {"NTLM"},
        null,
        "HTTP",
        "atl-cs-001.litwareinc.com",
        props,
        callbacks("alice", "LITWAREINC", password));
  }

  private static AuthStep jdkClientAgainstEmulator(String version, String password)
      throws SaslException {
    SaslClient jdk = jdkClient(version, password);
    NtlmServerHandshake server = server();
    byte[] type1 = jdk.evaluateChallenge(new byte[0]);
    byte[] type2 = tokenOf(challenge(server.accept("NTLM", b64(type1))).headerValue());
    byte[] type3 = jdk.evaluateChallenge(type2);
    return server.accept("NTLM", b64(type3));
  }

  @ParameterizedTest(name = "JDK client version {0}")
  @ValueSource(strings = {"NTLMv2", "NTLM2", "NTLM"})
  void jdkClientAuthenticatesAgainstTheEmulator(String version) throws SaslException {
    AuthStep step = jdkClientAgainstEmulator(version, "Pa$$w0rd!");

    assertThat(step)
        .isEqualTo(new AuthStep.Authenticated("LITWAREINC", "alice", "JDKBOX", Optional.empty()));
  }

  @ParameterizedTest(name = "JDK client version {0}")
  @ValueSource(strings = {"NTLMv2", "NTLM2", "NTLM"})
  void jdkClientWithTheWrongPasswordIsRejected(String version) throws SaslException {
    AuthStep step = jdkClientAgainstEmulator(version, "nope");

    assertThat(((AuthStep.Rejected) step).failure()).isEqualTo(AuthFailure.WRONG_PASSWORD);
  }

  @Test
  void ourClientAuthenticatesAgainstTheJdkServer() throws SaslException {
    Map<String, Object> props = new HashMap<>();
    props.put("com.sun.security.sasl.ntlm.domain", "LITWAREINC");
    SaslServer jdk =
        Sasl.createSaslServer(
            "NTLM",
            "HTTP",
            "atl-cs-001.litwareinc.com",
            props,
            callbacks("bob", "LITWAREINC", "hunter2"));
    NtlmClient client = client();

    byte[] type2 = jdk.evaluateResponse(client.negotiate());
    jdk.evaluateResponse(client.authenticate(type2, "LITWAREINC", "bob", "hunter2", "WS1"));

    assertThat(jdk.isComplete()).isTrue();
    assertThat(jdk.getAuthorizationID()).isEqualTo("bob");
  }
}
