package io.lyncemu.mcx.iis;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders IIS-style detailed error pages from one template and the per-status data in {@link
 * IisError}. The 401 pages come out at roughly 6 KB, like the {@code Content-Length: 6305} the Lync
 * 2013 docs show (PROTOCOLS 2.6); the exact real body is not public, so this is our own markup and
 * wording.
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class IisErrorPages {
  // Our own markup: a header band, a summary panel, a two-column detail table and two lists.
  private static final String TEMPLATE =
      """
      <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" \
      "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
      <html xmlns="http://www.w3.org/1999/xhtml">
      <head>
      <meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
      <title>IIS {{version}} Detailed Error - {{code}} - {{reason}}</title>
      <style type="text/css">
      html, body { margin: 0; padding: 0; }
      body { background-color: #f0f0f0; color: #222222; font-family: Segoe UI, Tahoma, Verdana, sans-serif;
             font-size: 13px; line-height: 1.45; }
      .band { background-color: #3a6ea5; color: #ffffff; padding: 10px 24px 12px 24px;
              border-bottom: 3px solid #2b557f; }
      .band .title { font-size: 26px; font-weight: 600; margin: 0; }
      .band .product { font-size: 12px; margin: 4px 0 0 0; opacity: 0.85; text-align: right; }
      .page { padding: 0 24px 24px 24px; }
      .panel { background-color: #ffffff; border: 1px solid #d6d6d6; margin: 12px 0 0 0;
               padding: 12px 16px 14px 16px; }
      .panel .caption { color: #555555; font-size: 12px; font-weight: 700; letter-spacing: 0.03em;
                        margin: 0 0 8px 0; text-transform: uppercase; }
      .status { color: #b00000; font-size: 20px; font-weight: 600; margin: 0 0 6px 0; }
      .explain { color: #b00000; font-size: 15px; margin: 0; }
      .facts { border-collapse: collapse; width: 100%; }
      .facts td { border-top: 1px solid #eeeeee; padding: 4px 8px 4px 0; vertical-align: top; }
      .facts td.k { color: #444444; font-weight: 700; text-align: right; white-space: nowrap; width: 16%; }
      .facts td.v { word-break: break-all; width: 34%; }
      .facts tr:first-child td { border-top: none; }
      ul.steps { margin: 4px 0 0 0; padding: 0 0 0 20px; }
      ul.steps li { margin: 0 0 4px 0; }
      .note { color: #555555; font-size: 12px; margin: 0; }
      .note a:link, .note a:visited { color: #1f5fa0; font-weight: 600; }
      .note a:hover { text-decoration: none; }
      ol.pipeline { margin: 4px 0 0 0; padding: 0 0 0 24px; color: #666666; }
      ol.pipeline li { margin: 0 0 2px 0; }
      ol.pipeline li.hit { color: #b00000; font-weight: 700; }
      ol.pipeline li.skipped { color: #aaaaaa; }
      @media print { .band { background-color: #ffffff; color: #000000; border-bottom: 1px solid #000000; } }
      </style>
      </head>
      <body>
      <div class="band">
        <p class="title">Request failed: HTTP {{code}}</p>
        <p class="product">Internet Information Services {{version}}</p>
      </div>
      <div class="page">
        <div class="panel">
          <p class="caption">Summary</p>
          <p class="status">HTTP Error {{code}} - {{reason}}</p>
          <p class="explain">{{summary}}</p>
        </div>
        <div class="panel">
          <p class="caption">Request details</p>
          <table class="facts">
            <tr><td class="k">Module</td><td class="v">{{module}}</td>
                <td class="k">Requested URL</td><td class="v">{{url}}</td></tr>
            <tr><td class="k">Notification</td><td class="v">{{notification}}</td>
                <td class="k">Physical Path</td><td class="v">{{physicalPath}}</td></tr>
            <tr><td class="k">Handler</td><td class="v">{{handler}}</td>
                <td class="k">Logon Method</td><td class="v">{{logonMethod}}</td></tr>
            <tr><td class="k">Error Code</td><td class="v">{{errorCode}}</td>
                <td class="k">Logon User</td><td class="v">{{logonUser}}</td></tr>
          </table>
        </div>
        <div class="panel">
          <p class="caption">Probable causes</p>
          <ul class="steps">{{causes}}</ul>
        </div>
        <div class="panel">
          <p class="caption">Suggested steps</p>
          <ul class="steps">{{tries}}</ul>
        </div>
        <div class="panel">
          <p class="caption">Request pipeline</p>
          <p class="note">Stages the request passed through, in order. The highlighted stage is \
      where the status code was set; later stages other than logging were skipped.</p>
          <ol class="pipeline">{{pipeline}}</ol>
        </div>
        <div class="panel">
          <p class="caption">About this page</p>
          <p class="note">The web server generated this page for HTTP status {{code}} before any \
      application content was returned. An administrator can enable failed request tracing for \
      this status code to record which module set it, the authentication stage reached, and the \
      time spent in each step of the request pipeline. Detailed error pages are normally shown \
      only to requests from the server itself; remote clients receive a shorter page.</p>
          <p class="note">The number after the dot in the status is the sub-status. It narrows \
      the reason down, for example telling a failed logon apart from a request that carried no \
      credentials at all. Sub-status codes are written to the web server log together with the \
      Win32 status, so an administrator can match this page to a log line by time, client \
      address and requested URL. Clients only see the main status code on the wire; the \
      sub-status and the error code above appear on this page and in the log.</p>
          <p class="note"><a href="about:blank">More about HTTP status {{code}} &raquo;</a></p>
        </div>
      </div>
      </body>
      </html>
      """;

  private final String serverVersion;
  private final String physicalPath;

  /**
   * @param serverVersion the IIS version shown, e.g. {@code 8.5} (Windows Server 2012 R2) or {@code
   *     7.5}; match the {@code Server} header
   * @param physicalPath the file-system path shown for requested URLs
   */
  public IisErrorPages(String serverVersion, String physicalPath) {
    this.serverVersion = Objects.requireNonNull(serverVersion, "serverVersion");
    this.physicalPath = Objects.requireNonNull(physicalPath, "physicalPath");
  }

  /** IIS 8.5 with the Lync web-components path of a default install. */
  public static IisErrorPages iis85() {
    return new IisErrorPages(
        "8.5", "C:\\Program Files\\Microsoft Lync Server 2013\\Web Components");
  }

  /**
   * Renders the page for {@code error}.
   *
   * @param requestedUrl the URL the client asked for, shown on the page (escaped)
   */
  public IisErrorPage render(IisError error, String requestedUrl) {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(requestedUrl, "requestedUrl");
    boolean unauthorized = error.status() == 401;
    Map<String, String> values =
        Map.ofEntries(
            Map.entry("version", HtmlText.escape(serverVersion)),
            Map.entry("code", HtmlText.escape(error.code())),
            Map.entry("reason", HtmlText.escape(error.reasonPhrase())),
            Map.entry("summary", HtmlText.escape(error.summary())),
            Map.entry("module", HtmlText.escape(error.module())),
            Map.entry("notification", HtmlText.escape(error.notification())),
            Map.entry("handler", "ManagedPipelineHandler"),
            Map.entry("errorCode", HtmlText.escape(error.errorCode())),
            Map.entry("url", HtmlText.escape(requestedUrl)),
            Map.entry("physicalPath", HtmlText.escape(physicalPath)),
            Map.entry("logonMethod", unauthorized ? "Not yet determined" : "Anonymous"),
            Map.entry("logonUser", unauthorized ? "Not yet determined" : "Anonymous"),
            Map.entry("causes", items(error.likelyCauses())),
            Map.entry("tries", items(error.thingsToTry())),
            Map.entry("pipeline", pipeline(error.notification())));
    return new IisErrorPage(error.status(), fill(values));
  }

  private static final List<String> STAGES =
      List.of(
          "BeginRequest",
          "AuthenticateRequest",
          "AuthorizeRequest",
          "ResolveRequestCache",
          "MapRequestHandler",
          "AcquireRequestState",
          "PreExecuteRequestHandler",
          "ExecuteRequestHandler",
          "ReleaseRequestState",
          "UpdateRequestCache",
          "LogRequest",
          "EndRequest");

  private static String pipeline(String failedStage) {
    StringBuilder sb = new StringBuilder();
    boolean after = false;
    for (String stage : STAGES) {
      String css;
      if (stage.equals(failedStage)) {
        css = "hit";
        after = true;
      } else if (after && !stage.equals("LogRequest") && !stage.equals("EndRequest")) {
        css = "skipped";
      } else {
        css = "done";
      }
      sb.append("<li class=\"").append(css).append("\">").append(stage);
      if ("hit".equals(css)) {
        sb.append(" &mdash; status set here");
      }
      sb.append("</li>\n");
    }
    return sb.toString();
  }

  private static String items(List<String> texts) {
    StringBuilder sb = new StringBuilder();
    for (String t : texts) {
      sb.append("<li>").append(HtmlText.escape(t)).append("</li>");
    }
    return sb.toString();
  }

  /** Single pass, so a value that itself contains {@code {{…}}} is never expanded. */
  private static String fill(Map<String, String> values) {
    StringBuilder out = new StringBuilder(TEMPLATE.length() + 512);
    int i = 0;
    while (true) {
      int open = TEMPLATE.indexOf("{{", i);
      if (open < 0) {
        out.append(TEMPLATE, i, TEMPLATE.length());
        return out.toString();
      }
      int close = TEMPLATE.indexOf("}}", open);
      String key = TEMPLATE.substring(open + 2, close);
      String value = values.get(key);
      if (value == null) {
        throw new IllegalStateException("template key without value: " + key);
      }
      out.append(TEMPLATE, i, open).append(value);
      i = close + 2;
    }
  }
}
