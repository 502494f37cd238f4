/**
 * Hardened XML parsing and serialisation for every XML body the web services receive or send: DTDs,
 * external entities and XInclude are refused before any byte is fetched or expanded. Pure JDK
 * (JAXP); no Jetty types. See PROTOCOLS.md section 2 for the SOAP bodies that flow through here.
 */
package io.lyncemu.mcx.xml;
