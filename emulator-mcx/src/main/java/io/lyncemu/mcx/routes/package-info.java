/**
 * The web services as {@link io.lyncemu.mcx.web.WebRoute}s: the Web Ticket service (Integrated
 * Windows auth over NTLM/Negotiate, {@code /Auth}, {@code /mex}) and the OAuth token endpoint.
 * Framework-free; they build on the pure {@code auth} and {@code webticket} packages. Specs:
 * MS-OCAUTHWS, WS-Trust 1.3, RFC 4559, RFC 6749.
 */
package io.lyncemu.mcx.routes;
