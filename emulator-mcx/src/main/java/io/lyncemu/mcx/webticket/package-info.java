/**
 * Framework-free codecs and state for the Web Ticket service (WS-Trust 1.3 over SOAP 1.1): RST
 * parsing, SAML 1.1 web-ticket issuing and verification, RSTR writing, MEX documents, SOAP faults
 * and the ticket store. No Jetty types; a web handler elsewhere calls into this package. See
 * PROTOCOLS.md section 2 (MS-OCAUTHWS, WS-Trust 1.3, SAML 1.1, XML-DSig) and 3.2/3.5 (MCX /mex).
 */
package io.lyncemu.mcx.webticket;
