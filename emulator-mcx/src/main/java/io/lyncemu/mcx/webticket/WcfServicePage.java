package io.lyncemu.mcx.webticket;

import io.lyncemu.mcx.iis.HtmlText;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The HTML page a browser gets on {@code GET <service>.svc}: the WCF service help page that admins
 * use to check a Lync web service answers (PROTOCOLS 3.2). Same structure as the real page (title
 * with the service name, a note that the service runs, where the metadata is); our own wording.
 *
 * <p>Thread-safety: stateless.
 */
public final class WcfServicePage {
  public static final String CONTENT_TYPE = "text/html; charset=UTF-8";

  private WcfServicePage() {}

  /**
   * @param serviceName e.g. {@code WebTicketService}
   * @param serviceUrl the absolute {@code .svc} URL
   */
  public static String html(String serviceName, String serviceUrl) {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(serviceUrl, "serviceUrl");
    String name = HtmlText.escape(serviceName);
    String wsdl = HtmlText.escape(serviceUrl + "?wsdl");
    String mex = HtmlText.escape(serviceUrl + "/mex");
    return """
        <!DOCTYPE html>
        <html>
        <head>
        <meta charset="utf-8"/>
        <title>%1$s Service</title>
        <style>
        body { margin: 0; font-family: Segoe UI, Arial, sans-serif; color: #1a1a1a; }
        .bar { background-color: #24476b; color: #fafafa; font-size: 24px; padding: 12px 28px; }
        .text { font-size: 13px; margin: 14px 28px; }
        .addr { background-color: #f3f1e4; border: 1px solid #dcd8c0; font-family: Consolas,\
         monospace; margin: 6px 28px; padding: 6px 10px; }
        </style>
        </head>
        <body>
        <div class="bar">%1$s Service</div>
        <p class="text">The %1$s service is up and answering requests.</p>
        <p class="text">Clients talk to this service with SOAP messages. Its description (WSDL) \
        can be retrieved from either of these addresses:</p>
        <p class="addr"><a href="%2$s">%2$s</a></p>
        <p class="addr"><a href="%3$s">%3$s</a></p>
        <p class="text">A client generator such as svcutil.exe can build a proxy from that \
        description.</p>
        </body>
        </html>
        """
        .formatted(name, wsdl, mex);
  }

  /** {@link #html} as UTF-8 bytes. */
  public static byte[] body(String serviceName, String serviceUrl) {
    return html(serviceName, serviceUrl).getBytes(StandardCharsets.UTF_8);
  }
}
