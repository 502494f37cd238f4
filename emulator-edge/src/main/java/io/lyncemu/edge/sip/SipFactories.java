package io.lyncemu.edge.sip;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderAddress;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * JAIN-SIP's message, header and address factories, created directly rather than through the
 * process-wide {@code SipFactory} singleton, plus small helpers to read addresses.
 */
final class SipFactories {
  final MessageFactory messages = new MessageFactoryImpl();
  final HeaderFactory headers = new HeaderFactoryImpl();
  final AddressFactory addresses = new AddressFactoryImpl();

  /** The lower-case host of a header's SIP URI, or empty for a non-SIP URI. */
  static Optional<String> domainOf(HeaderAddress header) {
    if (header == null || !(header.getAddress().getURI() instanceof SipURI uri)) {
      return Optional.empty();
    }
    return Optional.ofNullable(uri.getHost()).map(h -> h.toLowerCase(Locale.ROOT));
  }

  /** {@code sip:user@host} without parameters, lower case, or empty without a user part. */
  static Optional<String> userAddress(HeaderAddress header) {
    if (header == null || !(header.getAddress().getURI() instanceof SipURI uri)) {
      return Optional.empty();
    }
    if (uri.getUser() == null || uri.getUser().isBlank() || uri.getHost() == null) {
      return Optional.empty();
    }
    return Optional.of(("sip:" + uri.getUser() + "@" + uri.getHost()).toLowerCase(Locale.ROOT));
  }

  /** The host of a {@code sip:} URI string such as {@code sip:push@push.lync.com}. */
  static String hostOf(String sipUri) {
    String rest = sipUri.replaceFirst("(?i)^sips?:", "");
    int at = rest.indexOf('@');
    String host = at < 0 ? rest : rest.substring(at + 1);
    return URI.create("sip://" + host.split("[;>?]")[0]).getHost().toLowerCase(Locale.ROOT);
  }
}
