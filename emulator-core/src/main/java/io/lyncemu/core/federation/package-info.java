/**
 * Federation settings as Lync stores them: the Access Edge configuration, allowed SIP domains,
 * hosting providers, XMPP partners, the XMPP gateway configuration and external access policies.
 * Plain immutable records with Lync's documented defaults; they live in the {@link
 * io.lyncemu.core.topology.Topology} so that scenarios snapshot and restore them with everything
 * else.
 */
package io.lyncemu.core.federation;
