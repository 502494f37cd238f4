package io.lyncemu.mcx.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A decoded SPNEGO NegotiationToken (RFC 4178 §4.2): an init or a response. Immutable. */
sealed interface SpnegoToken {

  /**
   * NegTokenInit.
   *
   * @param mechTypes the mechanism OIDs in the client's order of preference
   * @param mechTypesDer the DER of the MechTypeList, which the mechListMIC covers
   * @param mechToken the optimistic token for the first mechanism, if any
   */
  record Init(List<String> mechTypes, byte[] mechTypesDer, Optional<byte[]> mechToken)
      implements SpnegoToken {
    public Init {
      mechTypes = List.copyOf(mechTypes);
      mechTypesDer = mechTypesDer.clone();
      Objects.requireNonNull(mechToken, "mechToken");
    }
  }

  /** NegTokenResp; every field is optional on the wire. */
  record Resp(
      Optional<NegState> negState,
      Optional<String> supportedMech,
      Optional<byte[]> responseToken,
      Optional<byte[]> mechListMic)
      implements SpnegoToken {
    public Resp {
      Objects.requireNonNull(negState, "negState");
      Objects.requireNonNull(supportedMech, "supportedMech");
      Objects.requireNonNull(responseToken, "responseToken");
      Objects.requireNonNull(mechListMic, "mechListMic");
    }
  }
}
