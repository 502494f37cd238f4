/**
 * The one place Apache HttpClient 5 appears: a small HTTPS client that keeps exactly one connection
 * per user leg, never authenticates on its own, pins the emulated host names to the address the
 * caller resolved, and trusts only the {@link javax.net.ssl.SSLContext} it is given. Its answers
 * and failures are this package's own types, so the synthetic transactions above it stay free of
 * HttpClient.
 */
package io.lyncemu.synthetic.httpclient;
