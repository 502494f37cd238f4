/**
 * Pure, framework-free NTLM (MS-NLMP) and SPNEGO (RFC 4178, RFC 4559) authentication for the
 * emulator's IIS-like HTTP endpoints: message codecs, crypto, the per-connection server handshake
 * and a real NTLMv2 client. No Jetty types may appear here; the HTTP layer feeds tokens in and
 * writes the returned header values out.
 */
package io.lyncemu.mcx.auth;
