package io.lyncemu.edge.dns;

import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.util.List;

/**
 * What the server answers one question with, before it is put into a response: the code, whether it
 * speaks for the zone (AA), the answer section and the additional section.
 */
record DnsAnswer(
    DnsResponseCode code,
    boolean authoritative,
    List<DnsRawRecord> answers,
    List<DnsRawRecord> additionals) {

  DnsAnswer {
    answers = List.copyOf(answers);
    additionals = List.copyOf(additionals);
  }

  static DnsAnswer of(DnsResponseCode code, boolean authoritative) {
    return new DnsAnswer(code, authoritative, List.of(), List.of());
  }
}
