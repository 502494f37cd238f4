package io.lyncemu.mcx.mobility.codec;

/**
 * Writes an {@link McxRequest} as a request body: what the emulator's own MCX client (the synthetic
 * transactions) sends, and the inverse of {@link McxRequestParser}. Stateless and thread-safe.
 */
public final class McxRequestWriter {

  public byte[] write(McxRequest request) {
    XmlOut out = new XmlOut().root(request.operation());
    if (request instanceof McxRequest.CreateSession create) {
      out.attribute("deviceType", create.device().deviceType().wireName())
          .attribute("userAgent", create.device().userAgent());
      create
          .device()
          .push()
          .ifPresent(
              push ->
                  out.attribute("pushType", push.service()).attribute("pushToken", push.token()));
      if (create.device().background()) {
        out.attribute("background", "true");
      }
    } else if (request instanceof McxRequest.PublishPresence publish) {
      out.attribute("session", publish.session())
          .attribute("availability", publish.availability().wireName());
    } else if (request instanceof McxRequest.SubscribePresence subscribe) {
      out.attribute("session", subscribe.session());
      subscribe.contacts().forEach(uri -> out.empty("contact").attribute("uri", uri));
    } else if (request instanceof McxRequest.SendMessage send) {
      out.attribute("session", send.session())
          .attribute("to", send.to())
          .attribute("contentType", send.contentType())
          .text(send.text());
    } else if (request instanceof McxRequest.GetEvents poll) {
      out.attribute("session", poll.session())
          .attribute("ack", poll.ack())
          .attribute("timeoutSeconds", poll.timeoutSeconds());
    } else if (request instanceof McxRequest.SetBackground background) {
      out.attribute("session", background.session())
          .attribute("background", background.background());
    } else if (request instanceof McxRequest.EndSession end) {
      out.attribute("session", end.session());
    }
    return out.end().finish();
  }
}
