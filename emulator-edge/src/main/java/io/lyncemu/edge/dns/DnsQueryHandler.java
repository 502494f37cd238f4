package io.lyncemu.edge.dns;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DefaultDnsResponse;
import io.netty.handler.codec.dns.DnsOpCode;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers decoded queries over UDP and TCP alike. Names in the emulated zones are answered on the
 * event loop (a memory look-up); names outside go to the upstream on {@code blocking}, because an
 * upstream look-up may take its whole timeout. Only the first question is answered, as every real
 * server does. Sharable: one instance serves both transports.
 */
@ChannelHandler.Sharable
final class DnsQueryHandler extends SimpleChannelInboundHandler<DnsQuery> {
  private static final Logger LOG = LoggerFactory.getLogger(DnsQueryHandler.class);

  /** The payload size advertised back to EDNS clients. */
  static final int EDNS_PAYLOAD = 1232;

  private final ZoneAnswerer answerer;
  private final EventJournal journal;
  private final Executor blocking;

  DnsQueryHandler(ZoneAnswerer answerer, EventJournal journal, Executor blocking) {
    this.answerer = Objects.requireNonNull(answerer, "answerer");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.blocking = Objects.requireNonNull(blocking, "blocking");
  }

  /** What the handler needs from a query, copied so the query's buffers can be released. */
  private record Asked(
      int id,
      DnsOpCode opCode,
      boolean recursionDesired,
      String name,
      DnsRecordType type,
      int qclass,
      int ednsPayload,
      InetSocketAddress client,
      InetSocketAddress local,
      boolean udp) {}

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DnsQuery query) {
    DnsQuestion question = query.recordAt(DnsSection.QUESTION);
    int edns = 0;
    for (int i = 0; i < query.count(DnsSection.ADDITIONAL); i++) {
      DnsRecord extra = query.recordAt(DnsSection.ADDITIONAL, i);
      if (extra.type() == DnsRecordType.OPT) {
        edns = Math.max(SizedDatagramResponse.CLASSIC_UDP_LIMIT, extra.dnsClass());
      }
    }
    boolean udp = query instanceof DatagramDnsQuery;
    Asked asked =
        new Asked(
            query.id(),
            query.opCode(),
            query.isRecursionDesired(),
            question == null ? "" : question.name(),
            question == null ? null : question.type(),
            question == null ? 0 : question.dnsClass(),
            edns,
            udp
                ? ((DatagramDnsQuery) query).sender()
                : (InetSocketAddress) ctx.channel().remoteAddress(),
            udp ? ((DatagramDnsQuery) query).recipient() : null,
            udp);

    if (asked.type() == null) {
      reply(ctx, asked, DnsAnswer.of(DnsResponseCode.FORMERR, false));
    } else if (!DnsOpCode.QUERY.equals(asked.opCode())
        || (asked.qclass() != DnsRecord.CLASS_IN && asked.qclass() != DnsRecord.CLASS_ANY)) {
      reply(ctx, asked, DnsAnswer.of(DnsResponseCode.NOTIMP, false));
    } else if (answerer.isEmulated(asked.name())) {
      reply(ctx, asked, answerer.fromZones(asked.name(), asked.type()));
    } else if (!answerer.hasUpstream()) {
      reply(ctx, asked, DnsAnswer.of(DnsResponseCode.REFUSED, false));
    } else {
      try {
        blocking.execute(() -> reply(ctx, asked, forward(asked)));
      } catch (RejectedExecutionException busy) {
        reply(ctx, asked, DnsAnswer.of(DnsResponseCode.SERVFAIL, false));
      }
    }
  }

  private DnsAnswer forward(Asked asked) {
    try {
      return answerer.forward(asked.name(), asked.type());
    } catch (RuntimeException e) {
      LOG.debug("upstream look-up of {} failed", asked.name(), e);
      return DnsAnswer.of(DnsResponseCode.SERVFAIL, false);
    }
  }

  private void reply(ChannelHandlerContext ctx, Asked asked, DnsAnswer answer) {
    DnsResponse response =
        asked.udp()
            ? new SizedDatagramResponse(
                asked.local(),
                asked.client(),
                asked.id(),
                asked.ednsPayload() > 0
                    ? Math.min(asked.ednsPayload(), EDNS_PAYLOAD)
                    : SizedDatagramResponse.CLASSIC_UDP_LIMIT)
            : new DefaultDnsResponse(asked.id());
    response
        .setOpCode(asked.opCode())
        .setCode(answer.code())
        .setAuthoritativeAnswer(answer.authoritative())
        .setRecursionDesired(asked.recursionDesired())
        .setRecursionAvailable(answerer.hasUpstream());
    if (asked.type() != null) {
      response.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(asked.name(), asked.type()));
    }
    for (DnsRawRecord record : answer.answers()) {
      response.addRecord(DnsSection.ANSWER, record);
    }
    for (DnsRawRecord record : answer.additionals()) {
      response.addRecord(DnsSection.ADDITIONAL, record);
    }
    if (asked.ednsPayload() > 0) {
      response.addRecord(
          DnsSection.ADDITIONAL,
          new DefaultDnsRawRecord("", DnsRecordType.OPT, EDNS_PAYLOAD, 0, Unpooled.EMPTY_BUFFER));
    }
    journal.record(
        NewEvent.of("dns", EventKind.DNS_QUERY)
            .with("name", asked.name())
            .with("type", asked.type() == null ? "-" : asked.type().name())
            .with("rcode", rcodeName(answer.code()))
            .with("answers", answer.answers().size())
            .with("transport", asked.udp() ? "udp" : "tcp")
            .withPeer(asked.client() == null ? "-" : asked.client().toString()));
    ctx.writeAndFlush(response)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                LOG.debug("could not send the DNS response to {}", asked.client(), f.cause());
              }
            });
  }

  /** The mnemonic dig prints, e.g. {@code NXDOMAIN}. */
  static String rcodeName(DnsResponseCode code) {
    return switch (code.intValue()) {
      case 0 -> "NOERROR";
      case 1 -> "FORMERR";
      case 2 -> "SERVFAIL";
      case 3 -> "NXDOMAIN";
      case 4 -> "NOTIMP";
      case 5 -> "REFUSED";
      default -> "RCODE" + code.intValue();
    };
  }

  /**
   * A packet the codec could not decode. Over UDP it is dropped and the socket keeps serving; over
   * TCP the stream can no longer be framed, so that connection alone is closed.
   */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    journal.record(
        NewEvent.of("dns", EventKind.DNS_QUERY)
            .with("rcode", "malformed")
            .with("error", String.valueOf(cause.getMessage()))
            .withPeer(String.valueOf(ctx.channel().remoteAddress())));
    if (!(ctx.channel() instanceof io.netty.channel.socket.DatagramChannel)) {
      ctx.close();
    }
  }
}
