package io.lyncemu.mcx.web;

import java.util.concurrent.CompletionStage;

/**
 * One web service (web ticket, autodiscover, MCX, UCWA). The first route that {@link #accepts} a
 * request handles it. Most answers complete at once; long polls complete later. Implementations are
 * thread-safe: requests arrive on many threads.
 */
public interface WebRoute {

  /** The component name used in the journal, e.g. {@code webticket}. */
  String component();

  boolean accepts(WebRequest request);

  CompletionStage<WebResponse> handle(WebRequest request);
}
