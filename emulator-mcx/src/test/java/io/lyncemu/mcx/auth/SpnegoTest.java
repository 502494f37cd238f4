package io.lyncemu.mcx.auth;

import static io.lyncemu.mcx.auth.NtlmFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPNEGO framing, checked against the DER that Windows and IIS put on the wire. */
class SpnegoTest {
  private static final byte[] TYPE1 = NtlmFixtures.client().negotiate();

  @Test
  void negTokenInitIsGssFramedAndOffersNtlmssp() {
    byte[] init = Spnego.wrapNegotiate(TYPE1);

    assertThat(init[0]).isEqualTo((byte) 0x60);
    assertThat(Arrays.copyOfRange(init, 2, 10)).isEqualTo(hex("06062b0601050502"));
    SpnegoToken.Init decoded = (SpnegoToken.Init) SpnegoCodec.decode(init);
    assertThat(decoded.mechTypes()).containsExactly(Spnego.NTLMSSP_OID);
    assertThat(decoded.mechToken()).hasValueSatisfying(t -> assertThat(t).isEqualTo(TYPE1));
    assertThat(decoded.mechTypesDer()).isEqualTo(Spnego.ntlmOnlyMechTypes());
  }

  @Test
  void mechTypeListDerIsTheNtlmsspOidSequence() {
    assertThat(Spnego.ntlmOnlyMechTypes()).isEqualTo(hex("300c060a2b06010401823702020a"));
  }

  @Test
  void acceptCompletedWithMicHasTheIisShape() {
    byte[] mic = hex("01000000aaaaaaaaaaaaaaaa00000000");

    byte[] token =
        SpnegoCodec.encodeResp(
            Optional.of(NegState.ACCEPT_COMPLETED),
            Optional.empty(),
            Optional.empty(),
            Optional.of(mic));

    assertThat(token)
        .isEqualTo(hex("a11b3019a0030a0100a3120410" + "01000000aaaaaaaaaaaaaaaa00000000"));
  }

  @Test
  void challengeResponseSelectsNtlmsspAndRoundTrips() {
    byte[] token =
        SpnegoCodec.encodeResp(
            Optional.of(NegState.ACCEPT_INCOMPLETE),
            Optional.of(Spnego.NTLMSSP_OID),
            Optional.of(hex("4e544c4d53535000")),
            Optional.empty());

    SpnegoToken.Resp resp = (SpnegoToken.Resp) SpnegoCodec.decode(token);
    assertThat(resp.negState()).contains(NegState.ACCEPT_INCOMPLETE);
    assertThat(resp.supportedMech()).contains(Spnego.NTLMSSP_OID);
    assertThat(Spnego.unwrapChallenge(token)).isEqualTo(hex("4e544c4d53535000"));
  }

  @Test
  void authenticateWrapperCarriesOnlyTheResponseToken() {
    SpnegoToken.Resp resp = (SpnegoToken.Resp) SpnegoCodec.decode(Spnego.wrapAuthenticate(TYPE1));

    assertThat(resp.negState()).isEmpty();
    assertThat(resp.supportedMech()).isEmpty();
    assertThat(resp.responseToken()).hasValueSatisfying(t -> assertThat(t).isEqualTo(TYPE1));
  }

  @Test
  void bareNegTokenInitWithoutGssFramingIsUnderstood() {
    byte[] framed = SpnegoCodec.encodeInit(List.of(Spnego.NTLMSSP_OID), Optional.of(TYPE1));
    // Skip 60 <len> 06 06 <oid>: what remains is the [0] NegTokenInit.
    byte[] bare = Arrays.copyOfRange(framed, 2 + 8, framed.length);

    assertThat(SpnegoCodec.decode(bare)).isInstanceOf(SpnegoToken.Init.class);
  }

  @Test
  void rejectedNegotiationCannotBeUnwrapped() {
    byte[] reject =
        SpnegoCodec.encodeResp(
            Optional.of(NegState.REJECT), Optional.empty(), Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> Spnego.unwrapChallenge(reject))
        .isInstanceOf(NtlmFormatException.class);
  }

  @Test
  void initTokenIsNotAResponse() {
    assertThatThrownBy(() -> Spnego.unwrapChallenge(Spnego.wrapNegotiate(TYPE1)))
        .isInstanceOf(NtlmFormatException.class);
  }
}
