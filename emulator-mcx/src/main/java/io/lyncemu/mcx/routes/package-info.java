/**
 * The web services as {@link io.lyncemu.mcx.web.WebRoute}s: autodiscover (MS-OCDISCWS), the
 * Mobility Service (MCX, docs/mcx-protocol.md), UCWA, the Web Ticket service (Integrated Windows
 * auth over NTLM/Negotiate, {@code /Auth}, {@code /mex}) and the OAuth token endpoint.
 * Framework-free; they build on the pure {@code auth}, {@code webticket}, {@code autodiscover},
 * {@code mobility} and {@code ucwa} packages. Specs: MS-OCAUTHWS, WS-Trust 1.3, RFC 4559, RFC 6749.
 */
package io.lyncemu.mcx.routes;
