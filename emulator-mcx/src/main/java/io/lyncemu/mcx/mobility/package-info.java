/**
 * The Mobility Service (MCX) domain: sessions of Lync 2010 Mobile devices, their expiry on the
 * emulator clock (Get-CsMcxConfiguration), the mobility-policy and user checks that refuse them,
 * push registrations, and the per-session event queue behind the long poll. Each session is a core
 * {@link io.lyncemu.core.routing.MessageEndpoint}, so messages reach it from any protocol.
 *
 * <p>Pure: JDK, SLF4J and core only, no Jetty types. The wire format lives in {@code .codec}; the
 * message set is emulator-defined (docs/mcx-protocol.md), the lifetimes and policy checks follow
 * PROTOCOLS.md section 3.
 */
package io.lyncemu.mcx.mobility;
