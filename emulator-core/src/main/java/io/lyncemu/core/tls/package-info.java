/**
 * The emulator's own PKI: a local certificate authority created on first start and the TLS server
 * identities it issues for every emulated host name (front end, web services, lyncdiscover, edge).
 *
 * <p>Everything is persisted in a state directory so that devices which imported the exported CA
 * PEM keep trusting the emulator across restarts. Certificates follow the RFC 5280 profile (basic
 * constraints, key usage, subject/authority key identifiers, subjectAltName) and the constraints
 * modern clients enforce even for privately trusted roots (SAN-only name matching, serverAuth EKU,
 * RSA 2048 with SHA-256, server validity below Apple's 825-day limit).
 *
 * <p>Only the JDK (JCA/JSSE), SLF4J and BouncyCastle (bcprov, bcpkix) are used here: no protocol
 * framework types, so Netty, Jetty and SIP adapters can all consume plain {@link
 * javax.net.ssl.SSLContext}s and {@link java.security.KeyStore}s. The BouncyCastle provider is
 * never registered with {@link java.security.Security}; it is handed to the builders that need it.
 */
package io.lyncemu.core.tls;
