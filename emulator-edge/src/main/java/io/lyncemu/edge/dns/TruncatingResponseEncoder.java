package io.lyncemu.edge.dns;

import io.netty.channel.AddressedEnvelope;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes UDP responses and, when one does not fit its {@link SizedDatagramResponse#limit()}, sends
 * instead the header and question with the TC bit set, so the client retries over TCP (RFC 1035
 * 4.2.1, RFC 7766). Sharable: it keeps no state.
 */
final class TruncatingResponseEncoder
    extends io.netty.handler.codec.dns.DatagramDnsResponseEncoder {

  @Override
  protected void encode(
      ChannelHandlerContext ctx,
      AddressedEnvelope<DnsResponse, InetSocketAddress> in,
      List<Object> out)
      throws Exception {
    List<Object> encoded = new ArrayList<>(1);
    super.encode(ctx, in, encoded);
    Object message = in;
    if (!(message instanceof SizedDatagramResponse sized)
        || encoded.size() != 1
        || !(encoded.get(0) instanceof DatagramPacket packet)
        || packet.content().readableBytes() <= sized.limit()) {
      out.addAll(encoded);
      return;
    }
    packet.release();
    SizedDatagramResponse cut =
        new SizedDatagramResponse(sized.sender(), sized.recipient(), sized.id(), sized.limit());
    cut.setOpCode(sized.opCode())
        .setCode(sized.code())
        .setAuthoritativeAnswer(sized.isAuthoritativeAnswer())
        .setRecursionDesired(sized.isRecursionDesired())
        .setRecursionAvailable(sized.isRecursionAvailable())
        .setTruncated(true);
    DnsRecord question = sized.recordAt(DnsSection.QUESTION);
    if (question != null) {
      cut.addRecord(DnsSection.QUESTION, question);
    }
    try {
      super.encode(ctx, envelope(cut), out);
    } finally {
      cut.release();
    }
  }

  // DatagramDnsResponse is an envelope of itself; the encoder is typed by its DnsResponse view.
  @SuppressWarnings("unchecked")
  private static AddressedEnvelope<DnsResponse, InetSocketAddress> envelope(Object response) {
    return (AddressedEnvelope<DnsResponse, InetSocketAddress>) response;
  }
}
