package io.lyncemu.mcx.auth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * DER encoding and hostile-input-safe decoding of SPNEGO tokens (RFC 4178 §4.2, RFC 2743 §3.1
 * framing) with BouncyCastle's ASN.1 classes. Stateless and thread-safe.
 */
final class SpnegoCodec {
  static final ASN1ObjectIdentifier SPNEGO = new ASN1ObjectIdentifier(Spnego.SPNEGO_OID);

  private SpnegoCodec() {}

  /**
   * Decodes a GSS-framed NegTokenInit ({@code 60 ...}), a bare NegTokenInit ({@code a0 ...}) or a
   * NegTokenResp ({@code a1 ...}).
   *
   * @throws NtlmFormatException on any malformed input
   */
  static SpnegoToken decode(byte[] token) {
    try {
      ASN1TaggedObject outer = ASN1TaggedObject.getInstance(readSingle(token));
      if (outer.getTagClass() == BERTags.APPLICATION && outer.getTagNo() == 0) {
        ASN1Sequence framed = (ASN1Sequence) outer.getBaseUniversal(false, BERTags.SEQUENCE);
        if (framed.size() != 2 || !SPNEGO.equals(framed.getObjectAt(0))) {
          throw new NtlmFormatException("GSS token is not SPNEGO");
        }
        outer = ASN1TaggedObject.getInstance(framed.getObjectAt(1));
      }
      if (outer.getTagClass() != BERTags.CONTEXT_SPECIFIC) {
        throw new NtlmFormatException("Not a SPNEGO NegotiationToken");
      }
      ASN1Sequence body = ASN1Sequence.getInstance(outer.getExplicitBaseObject());
      return switch (outer.getTagNo()) {
        case 0 -> decodeInit(body);
        case 1 -> decodeResp(body);
        default ->
            throw new NtlmFormatException("Unknown NegotiationToken [" + outer.getTagNo() + "]");
      };
    } catch (NtlmFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // BouncyCastle reports bad DER with a mix of IOException, IllegalArgumentException,
      // IllegalStateException and ClassCastException; all of them mean "malformed" here.
      throw new NtlmFormatException("Malformed SPNEGO token: " + e.getMessage(), e);
    }
  }

  static byte[] encodeInit(List<String> mechTypes, Optional<byte[]> mechToken) {
    ASN1EncodableVector body = new ASN1EncodableVector();
    body.add(new DERTaggedObject(true, 0, mechTypeList(mechTypes)));
    mechToken.ifPresent(token -> body.add(new DERTaggedObject(true, 2, new DEROctetString(token))));
    ASN1EncodableVector framed = new ASN1EncodableVector();
    framed.add(SPNEGO);
    framed.add(new DERTaggedObject(true, 0, new DERSequence(body)));
    return encode(new DERTaggedObject(false, BERTags.APPLICATION, 0, new DERSequence(framed)));
  }

  static byte[] encodeResp(
      Optional<NegState> negState,
      Optional<String> supportedMech,
      Optional<byte[]> responseToken,
      Optional<byte[]> mechListMic) {
    ASN1EncodableVector body = new ASN1EncodableVector();
    negState.ifPresent(
        state -> body.add(new DERTaggedObject(true, 0, new ASN1Enumerated(state.wireValue()))));
    supportedMech.ifPresent(
        oid -> body.add(new DERTaggedObject(true, 1, new ASN1ObjectIdentifier(oid))));
    responseToken.ifPresent(
        token -> body.add(new DERTaggedObject(true, 2, new DEROctetString(token))));
    mechListMic.ifPresent(mic -> body.add(new DERTaggedObject(true, 3, new DEROctetString(mic))));
    return encode(new DERTaggedObject(true, 1, new DERSequence(body)));
  }

  /** The DER of a MechTypeList, as the mechListMIC covers it. */
  static byte[] mechTypeListDer(List<String> mechTypes) {
    return encode(mechTypeList(mechTypes));
  }

  private static SpnegoToken.Init decodeInit(ASN1Sequence body) throws IOException {
    List<String> mechTypes = null;
    byte[] mechTypesDer = null;
    Optional<byte[]> mechToken = Optional.empty();
    for (ASN1Encodable element : body) {
      ASN1TaggedObject field = contextTagged(element);
      switch (field.getTagNo()) {
        case 0 -> {
          ASN1Sequence list = ASN1Sequence.getInstance(field.getExplicitBaseObject());
          mechTypes = new ArrayList<>();
          for (ASN1Encodable oid : list) {
            mechTypes.add(ASN1ObjectIdentifier.getInstance(oid).getId());
          }
          mechTypesDer = list.getEncoded(ASN1Encoding.DER);
        }
        case 2 -> mechToken = Optional.of(octets(field));
        default -> {
          // reqFlags [1], mechListMIC [3] and Microsoft's negHints [3] carry nothing we need.
        }
      }
    }
    if (mechTypes == null) {
      throw new NtlmFormatException("NegTokenInit without mechTypes");
    }
    return new SpnegoToken.Init(mechTypes, mechTypesDer, mechToken);
  }

  private static SpnegoToken.Resp decodeResp(ASN1Sequence body) {
    Optional<NegState> negState = Optional.empty();
    Optional<String> supportedMech = Optional.empty();
    Optional<byte[]> responseToken = Optional.empty();
    Optional<byte[]> mechListMic = Optional.empty();
    for (ASN1Encodable element : body) {
      ASN1TaggedObject field = contextTagged(element);
      switch (field.getTagNo()) {
        case 0 ->
            negState =
                Optional.of(
                    NegState.fromWire(
                        ASN1Enumerated.getInstance(field.getExplicitBaseObject()).intValueExact()));
        case 1 ->
            supportedMech =
                Optional.of(
                    ASN1ObjectIdentifier.getInstance(field.getExplicitBaseObject()).getId());
        case 2 -> responseToken = Optional.of(octets(field));
        case 3 -> mechListMic = Optional.of(octets(field));
        default ->
            throw new NtlmFormatException("Unknown NegTokenResp field [" + field.getTagNo() + "]");
      }
    }
    return new SpnegoToken.Resp(negState, supportedMech, responseToken, mechListMic);
  }

  private static ASN1TaggedObject contextTagged(ASN1Encodable element) {
    ASN1TaggedObject field = ASN1TaggedObject.getInstance(element);
    if (field.getTagClass() != BERTags.CONTEXT_SPECIFIC) {
      throw new NtlmFormatException("SPNEGO field is not context-tagged");
    }
    return field;
  }

  private static byte[] octets(ASN1TaggedObject field) {
    return ASN1OctetString.getInstance(field.getExplicitBaseObject()).getOctets();
  }

  private static DERSequence mechTypeList(List<String> mechTypes) {
    ASN1EncodableVector oids = new ASN1EncodableVector();
    for (String oid : mechTypes) {
      oids.add(new ASN1ObjectIdentifier(oid));
    }
    return new DERSequence(oids);
  }

  /** Reads exactly one object; the stream's limit is the array length, so no length can overrun. */
  private static ASN1Primitive readSingle(byte[] token) throws IOException {
    try (ASN1InputStream in = new ASN1InputStream(token)) {
      ASN1Primitive object = in.readObject();
      if (object == null) {
        throw new NtlmFormatException("Empty SPNEGO token");
      }
      if (in.available() > 0) {
        throw new NtlmFormatException("Trailing bytes after SPNEGO token");
      }
      return object;
    }
  }

  private static byte[] encode(ASN1Encodable object) {
    try {
      return object.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      // Encoding into memory cannot fail for the simple types built here.
      throw new IllegalStateException("DER encoding failed", e);
    }
  }
}
